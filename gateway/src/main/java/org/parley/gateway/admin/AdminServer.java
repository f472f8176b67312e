package org.parley.gateway.admin;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.parley.gateway.config.AdminConfig;
import org.parley.gateway.lifecycle.BindFailure;
import org.parley.gateway.lifecycle.BoundEndpoint;
import org.parley.gateway.lifecycle.ListenTarget;
import org.parley.gateway.lifecycle.Service;
import org.parley.gateway.metrics.GatewayMetrics;

/**
 * The admin HTTP endpoint on {@code <admin address port>} (loopback by default; port 0 binds any free port,
 * see {@link #address()}):
 * <ul>
 *   <li>{@code GET /health}: 200 {@code {"status":"up","checks":{…}}} when every check is up, otherwise 503
 *       with the checks that are down and why (see {@link HealthProbe} for the timeout);</li>
 *   <li>{@code GET /metrics}: the registry in the Prometheus text format 0.0.4;</li>
 *   <li>other paths 404, other methods 405 with {@code Allow: GET}.</li>
 * </ul>
 * Requests are served by two threads; when both are busy and the queue is full the accepting thread serves the
 * request itself, which slows further accepts instead of dropping connections.
 */
public final class AdminServer implements Service {

    /** How long {@code /health} waits for its checks by default. */
    public static final Duration DEFAULT_CHECK_TIMEOUT = Duration.ofSeconds(2);

    private static final int THREADS = 2;
    private static final int QUEUE_CAPACITY = 32;
    private static final int BACKLOG = 16;

    private final ListenTarget target;
    private final HealthProbe probe;
    private final PrometheusMeterRegistry registry;
    private HttpServer server;
    private ThreadPoolExecutor pool;
    private boolean used;

    /** An admin server with the {@linkplain #DEFAULT_CHECK_TIMEOUT default check timeout}. */
    public AdminServer(AdminConfig config, List<? extends HealthCheck> checks, PrometheusMeterRegistry registry) {
        this(config, checks, registry, DEFAULT_CHECK_TIMEOUT);
    }

    /**
     * @param config       where to listen
     * @param checks       what {@code /health} reports, in this order; names must be unique
     * @param registry     what {@code /metrics} serves
     * @param checkTimeout how long one {@code /health} request waits for all checks
     */
    public AdminServer(AdminConfig config, List<? extends HealthCheck> checks, PrometheusMeterRegistry registry,
            Duration checkTimeout) {
        this.target = new ListenTarget("admin", config.listen(), "admin");
        this.probe = new HealthProbe(checks, checkTimeout);
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public String name() {
        return "admin";
    }

    /**
     * Binds and starts serving.
     *
     * @throws BindFailure if the address cannot be bound (in use, not local, privileged port, unresolvable)
     */
    @Override
    public synchronized void start() throws BindFailure {
        if (used) {
            throw new IllegalStateException("admin server can be started once");
        }
        used = true;
        HttpServer http;
        try {
            http = HttpServer.create(target.endpoint().socketAddress(), BACKLOG);
        } catch (IOException | UnresolvedAddressException e) {
            probe.close();
            throw BindFailure.of(target, e);
        }
        pool = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY), new DaemonThreads("parley-admin-http"),
                new ThreadPoolExecutor.CallerRunsPolicy());
        http.setExecutor(pool);
        http.createContext("/", new AdminRouter(Map.of("/health", this::health, "/metrics", this::metrics)));
        http.start();
        server = http;
    }

    /** Closes the socket and connections at once, then the request and health-check threads. */
    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            pool.shutdownNow();
            server = null;
        }
        probe.close();
    }

    @Override
    public synchronized List<BoundEndpoint> endpoints() {
        return server == null ? List.of() : List.of(new BoundEndpoint("admin", "http", server.getAddress()));
    }

    /**
     * The address actually bound (with the real port when port 0 was configured).
     *
     * @throws IllegalStateException if not running
     */
    public synchronized InetSocketAddress address() {
        if (server == null) {
            throw new IllegalStateException("admin server is not running");
        }
        return server.getAddress();
    }

    private HttpReply health() {
        HealthReport report = probe.run();
        return HttpReply.of(report.allUp() ? 200 : 503, HttpReply.JSON, HealthJson.render(report));
    }

    private HttpReply metrics() {
        String content = GatewayMetrics.PROMETHEUS_TEXT_CONTENT_TYPE;
        return HttpReply.of(200, content, registry.scrape(content));
    }
}
