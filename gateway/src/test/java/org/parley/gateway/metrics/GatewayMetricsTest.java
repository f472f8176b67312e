package org.parley.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GatewayMetricsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "jvm_memory_used_bytes{application=\"parley\",area=\"heap\"",
        "jvm_gc_max_data_size_bytes{application=\"parley\"}",
        "jvm_threads_live_threads{application=\"parley\"}",
        "jvm_classes_loaded_classes{application=\"parley\"}",
        "jvm_info{application=\"parley\"",
        "system_cpu_count{application=\"parley\"}",
        "process_uptime_seconds{application=\"parley\"}",
    })
    void exposesJvmMetricsTaggedWithTheApplication(String sample) {
        try (GatewayMetrics metrics = new GatewayMetrics()) {
            assertThat(metrics.registry().scrape(GatewayMetrics.PROMETHEUS_TEXT_CONTENT_TYPE)).contains(sample);
        }
    }

    @Test
    void addsTheCommonTagsGivenToMetersRegisteredLater() {
        try (GatewayMetrics metrics = new GatewayMetrics(Tags.of("site", "dmz-1"))) {
            metrics.registry().counter("parley.stanzas.routed", "direction", "xmpp2sip").increment(3);

            assertThat(metrics.registry().scrape(GatewayMetrics.PROMETHEUS_TEXT_CONTENT_TYPE))
                    .contains("parley_stanzas_routed_total{direction=\"xmpp2sip\",site=\"dmz-1\"} 3.0")
                    .doesNotContain("application=\"parley\"");
        }
    }

    @Test
    void registriesAreIndependentOfEachOther() {
        try (GatewayMetrics one = new GatewayMetrics(); GatewayMetrics two = new GatewayMetrics()) {
            one.registry().counter("parley.only.here").increment();

            assertThat(two.registry().scrape(GatewayMetrics.PROMETHEUS_TEXT_CONTENT_TYPE))
                    .doesNotContain("parley_only_here");
        }
    }
}
