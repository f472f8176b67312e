package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.timeout.IdleStateEvent;
import org.junit.jupiter.api.Test;

/**
 * What an inbound stream reports about its remote domain's route: up once authenticated, lost when it ends
 * without a clean close (RFC 6120 §4.4) or with a stream error (§4.9), nothing when closed cleanly.
 */
class InboundRouteStateTest {

    private final InboundHarness h = InboundHarness.open();

    @Test
    void reportsTheDomainUpOnceItAuthenticates() {
        h.feed(InboundHarness.header("jabber.test")
                + "<db:result from='jabber.test' to='" + InboundHarness.GATEWAY + "'>abc</db:result>");
        assertThat(h.routeChanges).as("nothing before the key is verified").isEmpty();
        h.verifyAnswer.complete(DialbackVerifier.Outcome.VALID);
        h.channel.runPendingTasks();
        assertThat(h.routeChanges).containsExactly("jabber.test UP");
    }

    @Test
    void reportsTheDomainLostWhenTheConnectionEndsWithoutAStreamClose() {
        h.authenticated("jabber.test");
        h.channel.close();
        assertThat(h.routeChanges).containsExactly("jabber.test UP", "jabber.test LOST");
    }

    @Test
    void reportsTheDomainLostWhenThePeerSendsAStreamError() {
        h.authenticated("jabber.test");
        h.feed("<stream:error><system-shutdown xmlns='urn:ietf:params:xml:ns:xmpp-streams'/></stream:error>");
        h.channel.close();
        assertThat(h.routeChanges).containsExactly("jabber.test UP", "jabber.test LOST");
    }

    @Test
    void keepsTheDomainUpWhenThePeerClosesTheStreamCleanly() {
        h.authenticated("jabber.test");
        h.feed("</stream:stream>");
        h.channel.close();
        assertThat(h.output()).endsWith("</stream:stream>");
        assertThat(h.routeChanges).containsExactly("jabber.test UP");
    }

    @Test
    void keepsTheDomainUpWhenWeCloseAnIdleStream() {
        h.authenticated("jabber.test");
        h.channel.pipeline().fireUserEventTriggered(IdleStateEvent.ALL_IDLE_STATE_EVENT);
        h.channel.runPendingTasks();
        assertThat(h.channel.isOpen()).isFalse();
        assertThat(h.routeChanges).containsExactly("jabber.test UP");
    }

    @Test
    void reportsNothingForAStreamThatNeverAuthenticated() {
        h.feed(InboundHarness.header("jabber.test"));
        h.channel.close();
        assertThat(h.routeChanges).isEmpty();
    }
}
