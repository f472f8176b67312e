package org.parley.sip;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.PeerUnavailableException;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipProvider;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.SipStackRuntime;
import org.parley.sip.transaction.ClientTransactions;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * The stack's factories (real, no stack running) with a provider that records the requests sent on client
 * transactions instead of sending them, server transactions that record their responses, and dialogs of client
 * transactions that are confirmed at once ({@link #dialogs}, route set {@link #ROUTES}, the peer's tag
 * {@link #REMOTE_TAG}, its target the Request-URI): for unit tests of what the module builds and answers, without
 * sockets. Work runs on the calling thread.
 */
public final class FakeStack {

    public static final String FQDN = "gw.test";
    public static final int PORT = 5061;
    public static final String REMOTE_TAG = "remote-tag";
    public static final List<String> ROUTES = List.of("<sip:edge.test;lr>", "<sip:proxy.contoso.test;lr>");

    /** Requests sent, in order, with the client transaction each went on. */
    public final List<ClientTransaction> sent = new CopyOnWriteArrayList<>();
    /** The dialogs handed out by the provider, in order. */
    public final List<FakeDialog> dialogs = new CopyOnWriteArrayList<>();
    private final AtomicInteger callIds = new AtomicInteger();
    public final SipStackRuntime runtime;
    public final RequestFactory factory;
    public final SipMetrics metrics = new SipMetrics(new SimpleMeterRegistry());
    public final ClientTransactions transactions;
    public final OutboundSender sender;

    public FakeStack(ScheduledExecutorService scheduler) {
        SipFactory sip = SipFactory.getInstance();
        sip.setPathName("gov.nist");
        try {
            runtime = new SipStackRuntime("fake", null, null, provider(), sip.createAddressFactory(),
                    sip.createHeaderFactory(), sip.createMessageFactory());
        } catch (PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
        Executor direct = Runnable::run;
        factory = new RequestFactory(runtime, FQDN, PORT);
        transactions = new ClientTransactions(direct, scheduler, metrics);
        sender = new OutboundSender(runtime, factory, transactions, new KeyedLanes<>(direct, Integer.MAX_VALUE),
                () -> true, metrics);
    }

    /** A server transaction for {@code request} whose responses go to {@code responses}. */
    public static ServerTransaction serverTransaction(Request request, List<Response> responses) {
        return proxy(ServerTransaction.class, (self, method, args) -> switch (method.getName()) {
            case "getRequest" -> request;
            case "sendResponse" -> {
                responses.add((Response) args[0]);
                yield null;
            }
            default -> identity(self, method.getName(), args);
        });
    }

    /** The {@code index}th request sent, waiting for it up to {@code wait} (e.g. a refresh sent by a timer). */
    public Request awaitSent(int index, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (sent) {
            while (sent.size() <= index) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("request " + index + " not sent within " + wait + "; sent " + sent.size());
                }
                TimeUnit.NANOSECONDS.timedWait(sent, left);
            }
            return sent.get(index).getRequest();
        }
    }

    private SipProvider provider() {
        return proxy(SipProvider.class, (self, method, args) -> {
            if (method.getName().equals("getNewClientTransaction")) {
                return clientTransaction((Request) args[0]);
            }
            if (method.getName().equals("getNewCallId")) {
                return runtime.headers().createCallIdHeader("call-" + callIds.incrementAndGet() + "@" + FQDN);
            }
            if (method.getName().equals("getNewDialog") && args[0] instanceof ClientTransaction transaction) {
                return dialog(transaction.getRequest());
            }
            return identity(self, method.getName(), args);
        });
    }

    private Dialog dialog(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        FakeDialog dialog = new FakeDialog(new SipDialogSnapshot(
                ((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId(),
                from.getAddress().getURI().toString(),
                from.getTag(), ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress().getURI().toString(),
                REMOTE_TAG, request.getRequestURI().toString(), ROUTES,
                ((CSeqHeader) request.getHeader(CSeqHeader.NAME)).getSeqNumber()), runtime);
        dialogs.add(dialog);
        return dialog.dialog();
    }

    private ClientTransaction clientTransaction(Request request) {
        return proxy(ClientTransaction.class, (self, method, args) -> switch (method.getName()) {
            case "getRequest" -> request;
            case "sendRequest" -> {
                synchronized (sent) {
                    sent.add((ClientTransaction) self);
                    sent.notifyAll();
                }
                yield null;
            }
            default -> identity(self, method.getName(), args);
        });
    }

    private static Object identity(Object self, String method, Object[] args) {
        return switch (method) {
            case "equals" -> self == args[0];
            case "hashCode" -> System.identityHashCode(self);
            case "toString" -> "fake@" + Integer.toHexString(System.identityHashCode(self));
            default -> throw new UnsupportedOperationException(method);
        };
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(FakeStack.class.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
