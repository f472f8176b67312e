package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parley.sip.EdgeState;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.SubscriptionId;

/**
 * The edge's first request to the gateway ends the slow start of the paced SUBSCRIBEs, a response to the gateway's
 * own request does not, and the link's loss starts it again; everything still reaches the route.
 */
class EdgeReachInboundTest {

    private static final SubscriptionId ID = new SubscriptionId("s-1@gw.test");

    private final List<Object> delivered = new ArrayList<>();
    private final PacedSubscriber paced = new PacedSubscriber(new QuietSubscriber(), 100,
            PacedSubscriber.SlowStart.of(5), 10, () -> ID, event -> { }, (task, delay) -> { }, () -> 0L);
    private final EdgeReachInbound inbound = new EdgeReachInbound(new SipInbound() {
        @Override
        public void onRequest(InboundRequest request, SipResponder responder) {
            delivered.add(request);
        }

        @Override
        public void onSubscription(SubscriptionEvent event) {
            delivered.add(event);
        }

        @Override
        public void onEdgeState(EdgeState state) {
            delivered.add(state);
        }
    }, paced);

    @Test
    void aNotifyFromTheEdgeEndsTheSlowStart() {
        SubscriptionEvent notified = new SubscriptionEvent.Notified(ID, SubscriptionEvent.SubscriptionState.ACTIVE,
                Optional.empty());

        inbound.onSubscription(notified);

        assertThat(paced.currentRate()).isEqualTo(100);
        assertThat(delivered).containsExactly(notified);
    }

    @Test
    void aResponseToTheGatewaysSubscribeDoesNotEndTheSlowStart() {
        SubscriptionEvent accepted = new SubscriptionEvent.Accepted(ID, Duration.ofHours(1), false);

        inbound.onSubscription(accepted);

        assertThat(paced.currentRate()).isEqualTo(5);
        assertThat(delivered).containsExactly(accepted);
    }

    @Test
    void theLinksLossOrReconnectionStartsTheSlowStartAgain() {
        for (EdgeState lost : List.of(EdgeState.DOWN, EdgeState.RECONNECTING)) {
            paced.edgeReached();
            inbound.onEdgeState(EdgeState.UP);
            assertThat(paced.currentRate()).isEqualTo(100);

            inbound.onEdgeState(lost);

            assertThat(paced.currentRate()).as(lost.name()).isEqualTo(5);
        }
        assertThat(delivered).containsExactly(EdgeState.UP, EdgeState.DOWN, EdgeState.UP, EdgeState.RECONNECTING);
    }
}
