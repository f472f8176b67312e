package org.parley.gateway.metrics;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Objects;

/**
 * Owns the gateway's {@link PrometheusMeterRegistry} and the JVM binders recording into it: memory, garbage
 * collection, threads, class loading, JVM version, processor and uptime. Every meter carries the common tags
 * given (by default {@code application="parley"}, so dashboards can tell Parley from other JVMs scraped by the
 * same Prometheus). {@link #close()} detaches the GC listeners and closes the registry.
 */
public final class GatewayMetrics implements AutoCloseable {

    /** Content type of the Prometheus text exposition format 0.0.4, as served at {@code /metrics}. */
    public static final String PROMETHEUS_TEXT_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The common tags used by {@link #GatewayMetrics()}. */
    public static final Tags DEFAULT_TAGS = Tags.of("application", "parley");

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gcMetrics;

    /** A registry with the JVM binders and {@link #DEFAULT_TAGS}. */
    public GatewayMetrics() {
        this(DEFAULT_TAGS);
    }

    /** A registry with the JVM binders, adding {@code commonTags} to every meter. */
    public GatewayMetrics(Tags commonTags) {
        Objects.requireNonNull(commonTags, "commonTags");
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().commonTags(commonTags);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(registry);
    }

    /** The registry, to pass to whatever records metrics and to the admin endpoint. */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        gcMetrics.close();
        registry.close();
    }
}
