/**
 * The gateway's metrics: one Micrometer registry exposed in the Prometheus text format (0.0.4) at the admin
 * endpoint's {@code /metrics}. {@link org.parley.gateway.metrics.GatewayMetrics} creates it with the JVM binders;
 * the registry is passed by constructor to whatever records metrics (never the global registry).
 */
package org.parley.gateway.metrics;
