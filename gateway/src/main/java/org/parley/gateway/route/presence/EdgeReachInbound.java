package org.parley.gateway.route.presence;

import java.util.Objects;
import org.parley.sip.CallEvent;
import org.parley.sip.EdgeState;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.WatcherEvent;

/**
 * Passes everything from the SIP leg to the gateway's {@link SipInbound} and tells the {@link PacedSubscriber} when
 * the Access Edge has reached the gateway, which ends its slow start: any request from the edge (a NOTIFY in one of
 * the gateway's subscriptions, RFC 6665 §4.1.3; a SUBSCRIBE, MESSAGE or INVITE), since the edge relays those over a
 * connection it opened itself (RFC 3261 §18.1.1) rather than over the gateway's. Responses to the gateway's own
 * requests come back over the gateway's connection and prove nothing about the edge's. The link's loss or
 * reconnection ({@link EdgeState#DOWN}, {@link EdgeState#RECONNECTING}) starts the slow start again.
 */
public final class EdgeReachInbound implements SipInbound {

    private final SipInbound delegate;
    private final PacedSubscriber paced;

    public EdgeReachInbound(SipInbound delegate, PacedSubscriber paced) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.paced = Objects.requireNonNull(paced, "paced");
    }

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        paced.edgeReached();
        delegate.onRequest(request, responder);
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        if (event instanceof SubscriptionEvent.Notified) {
            paced.edgeReached();
        }
        delegate.onSubscription(event);
    }

    @Override
    public void onWatcher(WatcherEvent event) {
        if (event instanceof WatcherEvent.Subscribed) {
            paced.edgeReached();
        }
        delegate.onWatcher(event);
    }

    @Override
    public void onCall(CallEvent event) {
        if (event instanceof CallEvent.Offered) {
            paced.edgeReached();
        }
        delegate.onCall(event);
    }

    @Override
    public void onEdgeState(EdgeState state) {
        if (state == EdgeState.DOWN || state == EdgeState.RECONNECTING) {
            paced.edgeDown();
        }
        delegate.onEdgeState(state);
    }
}
