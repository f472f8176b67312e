package org.parley.gateway.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches on the exact request path (query ignored): a known path answers {@code GET} only (405 with
 * {@code Allow: GET} otherwise), an unknown path 404. Every response has a length and is not cached; a route
 * that throws becomes a 500 and is logged.
 */
final class AdminRouter implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(AdminRouter.class);

    private final Map<String, Supplier<HttpReply>> getRoutes;

    /** {@code getRoutes}: path (e.g. {@code "/health"}) to the reply for a GET of it. */
    AdminRouter(Map<String, Supplier<HttpReply>> getRoutes) {
        this.getRoutes = Map.copyOf(getRoutes);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            send(exchange, reply(exchange));
        }
    }

    private HttpReply reply(HttpExchange exchange) {
        String path = exchange.getRequestURI().getRawPath();
        Supplier<HttpReply> route = getRoutes.get(path);
        if (route == null) {
            return HttpReply.of(404, HttpReply.TEXT, "not found: " + path + "\n");
        }
        if (!"GET".equals(exchange.getRequestMethod())) {
            exchange.getResponseHeaders().set("Allow", "GET");
            return HttpReply.of(405, HttpReply.TEXT, "method not allowed: " + exchange.getRequestMethod() + "\n");
        }
        try {
            return route.get();
        } catch (RuntimeException e) {
            LOG.error("admin request {} failed", path, e);
            return HttpReply.of(500, HttpReply.TEXT, "internal error\n");
        }
    }

    private static void send(HttpExchange exchange, HttpReply reply) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean noBody = reply.body().length == 0 || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(reply.status(), noBody ? -1 : reply.body().length);
        if (!noBody) {
            exchange.getResponseBody().write(reply.body());
        }
    }
}
