package org.parley.sip;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.lang.reflect.Proxy;
import java.text.ParseException;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.header.Header;
import javax.sip.header.RouteHeader;
import org.parley.sip.stack.SipStackRuntime;

/**
 * The values of a confirmed dialog as the stack would hold them, served through a {@link Dialog} proxy made by
 * {@link #dialog()}; records {@link Dialog#delete}. This object does not reference the proxy, so a test may hold it
 * and still see the proxy become unreachable once the code under test lets it go.
 */
public final class FakeDialog {

    private final SipDialogSnapshot values;
    private final SipStackRuntime runtime;
    private final AtomicBoolean deleted = new AtomicBoolean();
    private final ReferenceQueue<Dialog> collected = new ReferenceQueue<>();
    private final List<WeakReference<Dialog>> made = new CopyOnWriteArrayList<>();

    /** A dialog with {@code values}; a {@code null} remote tag is allowed here (an early dialog). */
    public FakeDialog(SipDialogSnapshot values, SipStackRuntime runtime) {
        this.values = values;
        this.runtime = runtime;
    }

    /** A new proxy over these values. */
    public Dialog dialog() {
        Dialog dialog = proxy();
        made.add(new WeakReference<>(dialog, collected));
        return dialog;
    }

    private Dialog proxy() {
        return (Dialog) Proxy.newProxyInstance(FakeDialog.class.getClassLoader(), new Class<?>[] {Dialog.class},
                (self, method, args) -> switch (method.getName()) {
                    case "getCallId" -> runtime.headers().createCallIdHeader(values.callId());
                    case "getLocalTag" -> values.localTag();
                    case "getRemoteTag" -> values.remoteTag().isEmpty() ? null : values.remoteTag();
                    case "getRemoteTarget" -> address(values.remoteTarget());
                    case "getLocalParty" -> address(values.localUri());
                    case "getRemoteParty" -> address(values.remoteUri());
                    case "getRouteSet" -> routes().iterator();
                    case "getLocalSeqNumber" -> values.localCseq();
                    case "delete" -> {
                        deleted.set(true);
                        yield null;
                    }
                    case "equals" -> self == args[0];
                    case "hashCode" -> System.identityHashCode(self);
                    case "toString" -> "fake dialog " + values.callId();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Whether {@link Dialog#delete} was called on a proxy. */
    public boolean deleted() {
        return deleted.get();
    }

    /**
     * Whether every proxy made has become unreachable (collected) within {@code deadline}, running the collector
     * meanwhile: nothing holds the dialog any more.
     */
    public boolean collectedWithin(Duration deadline) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        int left = made.size();
        while (left > 0 && System.nanoTime() < end) {
            System.gc();
            if (collected.remove(100) != null) {
                left--;
            }
        }
        return left == 0;
    }

    private Address address(String uri) throws ParseException {
        return runtime.addresses().createAddress(uri);
    }

    private List<Header> routes() throws ParseException {
        List<Header> routes = new ArrayList<>();
        for (String route : values.routeSet()) {
            routes.add(runtime.headers().createHeader(RouteHeader.NAME, route));
        }
        return routes;
    }
}
