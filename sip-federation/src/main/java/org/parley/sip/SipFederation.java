package org.parley.sip;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.sip.message.Request;
import org.parley.sip.call.Calls;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.sip.edge.EdgeLink;
import org.parley.sip.edge.EdgeResolver;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.notifier.Watchers;
import org.parley.sip.router.InboundAdmission;
import org.parley.sip.router.InboundDelivery;
import org.parley.sip.router.OptionsHandler;
import org.parley.sip.router.RefusingHandler;
import org.parley.sip.router.RequestHandler;
import org.parley.sip.router.Responders;
import org.parley.sip.router.SipEventRouter;
import org.parley.sip.stack.ConnectionEvents;
import org.parley.sip.stack.SipStackFactory;
import org.parley.sip.stack.SipStackRuntime;
import org.parley.sip.stack.StackHooks;
import org.parley.sip.stack.TlsFailureReason;
import org.parley.sip.subscription.NotifyHandler;
import org.parley.sip.subscription.SerialExecutor;
import org.parley.sip.subscription.Subscriptions;
import org.parley.sip.transaction.ClientTransactions;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP federation leg: one JAIN-SIP stack with a mutual-TLS listener, the persistent connection to the
 * Access Edge with keep-alives and reconnects, the ports {@link SipOutbound}, {@link SipSubscriber} and
 * {@link SipCalls} for the gateway, and delivery of inbound requests and edge state changes to its {@link SipInbound}
 * (on worker threads, never the stack's). Start with {@link #start}, stop
 * with {@link #close()}.
 */
public final class SipFederation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SipFederation.class);

    private final SipStackRuntime runtime;
    private final EdgeLink edgeLink;
    private final OutboundSender sender;
    private final Subscriptions subscriptions;
    private final Watchers watchers;
    private final Calls calls;
    private final ThreadPoolExecutor worker;
    private final ThreadPoolExecutor sendPool;
    private final ScheduledExecutorService scheduler;
    private final InetSocketAddress listenAddress;

    private SipFederation(SipStackRuntime runtime, EdgeLink edgeLink, OutboundSender sender,
                          Subscriptions subscriptions, Watchers watchers, Calls calls, ThreadPoolExecutor worker,
                          ThreadPoolExecutor sendPool,
                          ScheduledExecutorService scheduler, InetSocketAddress listenAddress) {
        this.runtime = runtime;
        this.edgeLink = edgeLink;
        this.sender = sender;
        this.subscriptions = subscriptions;
        this.watchers = watchers;
        this.calls = calls;
        this.worker = worker;
        this.sendPool = sendPool;
        this.scheduler = scheduler;
        this.listenAddress = listenAddress;
    }

    /**
     * Binds the TLS listener, starts the stack and begins connecting to the edge (asynchronously: the edge
     * being down is not a start failure; see {@link #edgeState()}).
     *
     * @param inbound  receives inbound requests, subscription events and edge state changes, on worker threads
     * @param registry where the SIP meters are registered
     * @throws SipStartException when the listener cannot bind (address in use, not local) or the stack
     *                           refuses its configuration; nothing is left running then
     */
    public static SipFederation start(SipSettings settings, SipInbound inbound, MeterRegistry registry)
            throws SipStartException {
        SipSettings bound = withConcretePort(settings);
        SipMetrics metrics = new SipMetrics(registry);
        ThreadPoolExecutor worker = pool("parley-sip-worker", 4, bound.limits().workerQueue());
        ThreadPoolExecutor sendPool = pool("parley-sip-send", 2, bound.limits().workerQueue());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, threads("parley-sip-timer"));
        // a watcher's expiry timer is replaced at each refresh: the old one must not wait in the queue until it
        // would have fired (up to the granted duration), one per watcher and refresh
        scheduler.setRemoveOnCancelPolicy(true);
        ClientTransactions transactions = new ClientTransactions(worker, scheduler, metrics);
        AtomicReference<OutboundSender> senderRef = new AtomicReference<>();
        String edgeName = bound.edge().certificateName();
        OutboundRequest probe = new OutboundRequest(Request.OPTIONS, "sip:" + edgeName, "sip:" + bound.fqdn(),
                "sip:" + edgeName, List.of(), Optional.empty());
        // in order, on a worker; on the SIP timer when the workers are full, so never on the stack's own thread
        SerialExecutor edgeStates = new SerialExecutor(task -> {
            try {
                worker.execute(task);
            } catch (RejectedExecutionException full) {
                scheduler.execute(task);
            }
        });
        EdgeLink edgeLink = new EdgeLink(bound.edge(),
                new EdgeResolver(bound.dnsServer(), bound.timers().connect()), bound.timers(), scheduler,
                deadline -> senderRef.get().send(probe, Optional.of(deadline), false),
                transactions::failAll, state -> {
                    metrics.edgeState(state);
                    edgeStates.execute(() -> edgeState(inbound, state));
                });
        ConnectionEvents events = new ConnectionEvents() {
            @Override
            public void outboundClosed(InetSocketAddress remote, String reason) {
                edgeLink.connectionLost(remote, reason);
            }

            @Override
            public void tlsFailure(TlsFailureReason reason, boolean inbound, String detail) {
                metrics.tlsFailure(reason, inbound);
            }

            @Override
            public void framingLost(InetSocketAddress remote, String reason) {
                metrics.refused("framing");
            }

            @Override
            public void requestRefused(String reason) {
                metrics.refused(reason);
            }
        };
        StackHooks hooks = new StackHooks(SipStackFactory.sslContext(bound, events), edgeName,
                bound.timers().connect(), events, edgeLink::address,
                new InboundAdmission(bound.limits(), metrics, System::nanoTime), bound.limits().maxMessageBytes());
        SipStackRuntime runtime;
        try {
            runtime = SipStackFactory.start(bound, hooks);
        } catch (SipStartException e) {
            shutdown(worker, sendPool, scheduler);
            throw e;
        }
        RequestFactory factory = new RequestFactory(runtime, bound.fqdn(), bound.listen().getPort());
        OutboundSender sender = new OutboundSender(runtime, factory, transactions,
                new KeyedLanes<>(sendPool, bound.limits().workerQueue()),
                edgeLink::admitsRequests, metrics);
        senderRef.set(sender);
        Responders responders = new Responders(runtime, factory, metrics);
        Subscriptions subscriptions = new Subscriptions(runtime, factory, sender, inbound, scheduler, worker);
        InboundDelivery delivery = new InboundDelivery(inbound, responders,
                new KeyedLanes<>(worker, bound.limits().workerQueue()));
        Calls calls = new Calls(runtime.provider(), factory, sender, scheduler, worker, inbound);
        RequestHandler callRequests = calls.requests(responders);
        Watchers watchers = new Watchers(runtime.provider(), responders, inbound, worker, Watchers.DECISION_TIME,
                factory, sender, scheduler);
        Map<String, RequestHandler> handlers = Map.of(
                Request.MESSAGE, delivery, Request.INVITE, callRequests, Request.ACK, callRequests,
                Request.BYE, callRequests, Request.CANCEL, callRequests,
                Request.SUBSCRIBE, watchers,
                Request.OPTIONS, new OptionsHandler(responders, worker),
                Request.NOTIFY, new NotifyHandler(subscriptions, responders, worker));
        try {
            runtime.provider().addSipListener(new SipEventRouter(handlers, new RefusingHandler(responders),
                    transactions, dialog -> { }));
        } catch (java.util.TooManyListenersException e) {
            throw new IllegalStateException("a fresh provider already had a listener", e);
        }
        edgeLink.start();
        return new SipFederation(runtime, edgeLink, sender, subscriptions, watchers, calls, worker, sendPool, scheduler,
                bound.listen());
    }

    /** Tells the application of an edge state change (on a worker, in order; see {@link SipInbound#onEdgeState}). */
    private static void edgeState(SipInbound inbound, EdgeState state) {
        try {
            inbound.onEdgeState(state);
        } catch (RuntimeException e) {
            LOG.warn("the application failed on the edge state {}", state, e);
        }
    }

    /** Requests toward the edge. */
    public SipOutbound outbound() {
        return sender;
    }

    /** The gateway's own subscriptions (presence of SIP users). */
    public SipSubscriber subscriber() {
        return subscriptions;
    }

    /** Subscriptions to the gateway accepted before a restart, taken back from their stored dialogs. */
    public SipWatcherRegistry watchers() {
        return watchers;
    }

    /** Calls toward the edge (INVITE dialogs, RFC 3261 §13); calls from it arrive at {@link SipInbound#onCall}. */
    public SipCalls calls() {
        return calls;
    }

    /** The state of the connection toward the edge. */
    public EdgeState edgeState() {
        return edgeLink.state();
    }

    /** The address the TLS listener is bound to (with the chosen port when configured as 0). */
    public InetSocketAddress listenAddress() {
        return listenAddress;
    }

    /** Sends a MESSAGE; shorthand for {@code outbound().send(OutboundRequest.message(...))}. */
    public CompletionStage<SipOutcome> message(String from, String to, SipBody body) {
        return sender.send(OutboundRequest.message(from, to, body));
    }

    @Override
    public void close() {
        edgeLink.stop();
        SipStackFactory.stop(runtime);
        shutdown(worker, sendPool, scheduler);
    }

    private static void shutdown(ThreadPoolExecutor worker, ThreadPoolExecutor sendPool,
                                 ScheduledExecutorService scheduler) {
        scheduler.shutdownNow();
        sendPool.shutdownNow();
        worker.shutdown();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker.shutdownNow();
    }

    /** Port 0 means "any": pick a free one now, since the stack puts the port into Via and Contact. */
    private static SipSettings withConcretePort(SipSettings settings) throws SipStartException {
        if (settings.listen().getPort() != 0) {
            return settings;
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(settings.listen());
            InetSocketAddress concrete = new InetSocketAddress(settings.listen().getAddress(), probe.getLocalPort());
            return new SipSettings(concrete, settings.fqdn(), settings.edge(), settings.tls(), settings.dnsServer(),
                    settings.timers(), settings.limits());
        } catch (IOException e) {
            throw new SipStartException("cannot listen for SIP over TLS on " + settings.listen() + ": " + e, e);
        }
    }

    private static ThreadPoolExecutor pool(String name, int threads, int queue) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
                threads(name));
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

}
