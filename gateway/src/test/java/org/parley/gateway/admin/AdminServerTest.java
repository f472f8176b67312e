package org.parley.gateway.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.gateway.config.AdminConfig;
import org.parley.gateway.config.Endpoint;
import org.parley.gateway.lifecycle.BindFailure;
import org.parley.gateway.lifecycle.BindProblem;
import org.parley.gateway.lifecycle.Lifecycle;
import org.parley.gateway.lifecycle.StartResult;
import org.parley.gateway.metrics.GatewayMetrics;

class AdminServerTest {

    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final AdminConfig ANY_LOOPBACK_PORT = new AdminConfig(new Endpoint("127.0.0.1", 0));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(BOUND).build();
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<AdminServer> servers = new ArrayList<>();

    @AfterEach
    void stopEverything() {
        release.countDown();
        servers.forEach(AdminServer::stop);
        metrics.close();
    }

    private AdminServer started(Duration checkTimeout, HealthCheck... checks) throws BindFailure {
        AdminServer server = new AdminServer(ANY_LOOPBACK_PORT, List.of(checks), metrics.registry(), checkTimeout);
        servers.add(server);
        server.start();
        return server;
    }

    private HttpResponse<String> send(AdminServer server, String method, String path) throws Exception {
        InetSocketAddress address = server.address();
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + address.getPort() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .timeout(BOUND)
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void answersHealth200WhenEveryCheckIsUp() throws Exception {
        AdminServer server = started(BOUND, HealthCheck.of("store", Health::up), HealthCheck.of("edge", Health::up));

        HttpResponse<String> response = send(server, "GET", "/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"status\":\"up\",\"checks\":{\"store\":\"up\",\"edge\":\"up\"}}");
    }

    @Test
    void answersHealth503NamingTheCheckThatIsDownAndWhy() throws Exception {
        AdminServer server = started(BOUND, HealthCheck.of("store", Health::up),
                HealthCheck.of("edge", () -> Health.down("edge.contoso.test:5061: connection refused")));

        HttpResponse<String> response = send(server, "GET", "/health?verbose=1");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"down\",\"checks\":{\"store\":\"up\",\"edge\":\"down\"},"
                + "\"reasons\":{\"edge\":\"edge.contoso.test:5061: connection refused\"}}");
    }

    @Test
    void answersHealth503WithinTheTimeoutWhenACheckHangs() throws Exception {
        HealthCheck hanging = HealthCheck.of("store", () -> {
            try {
                release.await(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Health.up();
        });
        AdminServer server = started(Duration.ofMillis(200), hanging);

        HttpResponse<String> response = assertTimeoutPreemptively(BOUND, () -> send(server, "GET", "/health"));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"reasons\":{\"store\":\"no answer within 200 ms\"}");
    }

    @Test
    void servesMetricsInPrometheusTextFormat004() throws Exception {
        metrics.registry().counter("parley.test.events").increment(2);
        AdminServer server = started(BOUND);

        HttpResponse<String> response = send(server, "GET", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("# TYPE jvm_memory_used_bytes gauge")
                .contains("jvm_memory_used_bytes{application=\"parley\",area=\"heap\"")
                .contains("parley_test_events_total{application=\"parley\"} 2.0")
                .doesNotContain("# EOF");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/healthz", "/health/", "/health/store", "/metrics.txt", "/admin"})
    void answers404ForOtherPaths(String path) throws Exception {
        AdminServer server = started(BOUND, HealthCheck.of("store", Health::up));

        assertThat(send(server, "GET", path).statusCode()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PUT", "DELETE", "HEAD"})
    void answers405WithAllowForOtherMethods(String method) throws Exception {
        AdminServer server = started(BOUND, HealthCheck.of("store", Health::up));

        for (String path : List.of("/health", "/metrics")) {
            HttpResponse<String> response = send(server, method, path);
            assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("GET");
        }
    }

    @Test
    void reportsThePortItActuallyBoundWhenConfiguredWithPortZero() throws Exception {
        AdminServer server = started(BOUND);

        int port = server.address().getPort();

        assertThat(port).isPositive();
        assertThat(server.endpoints()).extracting(Object::toString).containsExactly("admin http 127.0.0.1:" + port);
    }

    @Test
    void failsWithBindFailureNamingAddressAndPortWhenThePortIsInUse() throws Exception {
        int port = started(BOUND).address().getPort();
        AdminServer second = new AdminServer(new AdminConfig(new Endpoint("127.0.0.1", port)), List.of(),
                metrics.registry());

        BindFailure failure = catchThrowableOfType(second::start, BindFailure.class);

        assertThat(failure.problem()).isEqualTo(BindProblem.ADDRESS_IN_USE);
        assertThat(failure.getMessage()).isEqualTo("cannot listen on 127.0.0.1:" + port + " (admin): address"
                + " already in use — stop the other process or change <admin port> in conf/gateway.xml");
    }

    @Test
    void makesTheLifecycleFailWithTheBindMessageWhenThePortIsInUse() throws Exception {
        int port = started(BOUND).address().getPort();
        AdminServer second = new AdminServer(new AdminConfig(new Endpoint("127.0.0.1", port)), List.of(),
                metrics.registry());

        StartResult result = new Lifecycle(List.of(second)).start();

        assertThat(result).isInstanceOfSatisfying(StartResult.Failed.class, failed -> assertThat(failed.message())
                .startsWith("cannot listen on 127.0.0.1:" + port + " (admin): address already in use"));
    }

    @Test
    void stopsListeningWhenStopped() throws Exception {
        AdminServer server = started(BOUND);
        InetSocketAddress address = server.address();
        assertThat(send(server, "GET", "/metrics").statusCode()).isEqualTo(200);

        server.stop();

        assertThat(server.endpoints()).isEmpty();
        assertThatExceptionOfType(ConnectException.class).isThrownBy(() -> connect(address));
    }

    private static void connect(InetSocketAddress address) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, (int) BOUND.toMillis());
        }
    }
}
