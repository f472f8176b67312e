/**
 * The admin HTTP endpoint (loopback by default, {@code <admin address port>}): {@code GET /health} runs the
 * registered {@link org.parley.gateway.admin.HealthCheck}s, each bounded in time, and answers 200 or 503 with a
 * JSON report; {@code GET /metrics} serves the Prometheus text format 0.0.4. Built on the JDK's
 * {@code com.sun.net.httpserver} with small bounded thread pools.
 */
package org.parley.gateway.admin;
