package org.parley.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Shared pieces of the SIP integration tests. */
final class Fixtures {

    static final String GATEWAY_IP = "127.0.0.4";
    static final String EDGE_IP = "127.0.0.5";

    private Fixtures() {
    }

    /** Short timers so that failures and reconnects show within seconds. */
    static SipSettings.Timers fastTimers() {
        return new SipSettings.Timers(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMillis(200), Duration.ofSeconds(1));
    }

    static SipSettings settings(InetSocketAddress listen, int edgePort, SipTls tls) {
        return SipSettings.of(listen, "gw.test", new AccessEdge.Direct(EDGE_IP, edgePort, "edge.test"), tls)
                .withTimers(fastTimers());
    }

    static InetSocketAddress freeAddress(String ip) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(ip, 0));
            return new InetSocketAddress(ip, socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SipOutcome await(CompletionStage<SipOutcome> stage, Duration timeout) {
        try {
            return stage.toCompletableFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no outcome within " + timeout, e);
        }
    }

    /** Waits for {@code condition} with a deadline, polling. */
    static void eventually(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            LockSupport.parkNanos(20_000_000L); // poll interval of a bounded wait

        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }
}
