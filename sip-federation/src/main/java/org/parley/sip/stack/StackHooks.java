package org.parley.sip.stack;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;

/**
 * What the stack's hook classes (network layer, router, message valve) need from the running gateway.
 *
 * <p>JAIN-SIP instantiates those classes by name with fixed constructors, so objects cannot be passed to
 * them. The {@link #REGISTRY} below, keyed by the unique {@code javax.sip.STACK_NAME} of each stack, is the
 * one static in this module: {@link SipStackFactory} registers the hooks before creating a stack and removes
 * them when it is stopped; hook classes look theirs up from {@code setSipStack}/{@code init}/constructor.
 *
 * @param sslContext     context over the gateway's key manager and the {@link PeerNameTrustManager}
 * @param edgeName       the edge's name, sent as SNI
 * @param connectTimeout TCP connect timeout toward the edge
 * @param events         connection reports
 * @param edgeAddress    the current address of the edge (resolved by the edge link)
 * @param policy         admission of inbound requests (size, rate)
 * @param maxMessageBytes largest inbound message; beyond it the connection's framing counts as lost
 * @param incomplete     connections cut off inside a message, shared by the network layer and the valve
 */
public record StackHooks(SSLContext sslContext, String edgeName, Duration connectTimeout, ConnectionEvents events,
                         Supplier<Optional<InetSocketAddress>> edgeAddress, RequestPolicy policy,
                         int maxMessageBytes, IncompleteMessages incomplete) {

    private static final Map<String, StackHooks> REGISTRY = new ConcurrentHashMap<>();

    public StackHooks {
        Objects.requireNonNull(sslContext, "sslContext");
        Objects.requireNonNull(edgeName, "edgeName");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(edgeAddress, "edgeAddress");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(incomplete, "incomplete");
    }

    /** Hooks with a fresh table of connections cut off inside a message. */
    public StackHooks(SSLContext sslContext, String edgeName, Duration connectTimeout, ConnectionEvents events,
                      Supplier<Optional<InetSocketAddress>> edgeAddress, RequestPolicy policy, int maxMessageBytes) {
        this(sslContext, edgeName, connectTimeout, events, edgeAddress, policy, maxMessageBytes,
                new IncompleteMessages(System::nanoTime));
    }

    static void register(String stackName, StackHooks hooks) {
        if (REGISTRY.putIfAbsent(stackName, hooks) != null) {
            throw new IllegalStateException("a stack named " + stackName + " is already registered");
        }
    }

    static void unregister(String stackName) {
        REGISTRY.remove(stackName);
    }

    static StackHooks forStack(String stackName) {
        StackHooks hooks = REGISTRY.get(stackName);
        if (hooks == null) {
            throw new IllegalStateException("no hooks registered for SIP stack " + stackName);
        }
        return hooks;
    }
}
