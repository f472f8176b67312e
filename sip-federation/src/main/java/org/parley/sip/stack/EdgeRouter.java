package org.parley.sip.stack;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.ListIterator;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.address.Router;
import javax.sip.message.Request;

/**
 * Sends every request, in or out of a dialog, to the Access Edge over TLS: the gateway has no other next
 * hop (the edge is its outbound proxy, RFC 3261 §8.1.2). The address is the one the edge link resolved last.
 * Instantiated by the stack by class name ({@code javax.sip.ROUTER_PATH}).
 */
public final class EdgeRouter implements Router {

    private final StackHooks hooks;

    /** The constructor JAIN-SIP calls; {@code outboundProxy} is unused. */
    public EdgeRouter(SipStack stack, String outboundProxy) {
        this.hooks = StackHooks.forStack(stack.getStackName());
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        InetSocketAddress edge = hooks.edgeAddress().get()
                .orElseThrow(() -> new SipException("the Access Edge address is not resolved"));
        return new EdgeHop(edge.getAddress().getHostAddress(), edge.getPort());
    }

    @Override
    public Hop getOutboundProxy() {
        return hooks.edgeAddress().get().map(a -> new EdgeHop(a.getAddress().getHostAddress(), a.getPort()))
                .orElse(null);
    }

    @Override
    @SuppressWarnings({"rawtypes", "deprecation"})
    public ListIterator getNextHops(Request request) {
        try {
            return List.of(getNextHop(request)).listIterator();
        } catch (SipException e) {
            return List.of().listIterator();
        }
    }

    /** A TLS hop. */
    record EdgeHop(String host, int port) implements Hop {
        @Override
        public String getHost() {
            return host;
        }

        @Override
        public int getPort() {
            return port;
        }

        @Override
        public String getTransport() {
            return "TLS";
        }

        @Override
        public String toString() {
            return host + ":" + port + "/TLS";
        }
    }
}
