package org.parley.xmpp.s2s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.xmpp.s2s.InboundHarness.GATEWAY;
import static org.parley.xmpp.s2s.InboundHarness.header;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.stanza.StanzaError;

/** The inbound stream on an EmbeddedChannel: negotiation, dialback roles and the stanza checks of ROBUSTNESS. */
class InboundSessionTest {

    private static final PeerPolicy ONLY_JABBER = domain -> domain.equals("jabber.test")
            ? PeerDecision.Permitted.open(domain) : new PeerDecision.Refused(domain, "is not on the allow list");

    @Test
    void answersHeaderWithStreamIdAndDialbackFeatureButNoCompression() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        String out = h.output();
        assertThat(out).contains("<stream:stream").contains("from='gw.test'").contains("to='jabber.test'")
                .contains("urn:xmpp:features:dialback").doesNotContain("compression").doesNotContain("compress");
        assertThat(h.streamId(out)).hasSize(32);
    }

    @Test
    void refusesDomainOffTheAllowListBeforeTls() throws Exception {
        InboundHarness h = new InboundHarness(ONLY_JABBER, new TestPki().tls(TlsMode.OPTIONAL,
                new TestPki().issue(GATEWAY)), S2sLimits.defaults());
        h.feed(header("evil.test"));
        String out = h.output();
        assertThat(out).contains("<policy-violation").contains("evil.test is not on the allow list")
                .doesNotContain("starttls").endsWith("</stream:stream>");
        assertThat(h.channel.isOpen()).isFalse();
    }

    @Test
    void refusesUnknownTargetDomainWithHostUnknown() {
        InboundHarness h = InboundHarness.open();
        h.feed(header("jabber.test").replace("to='gw.test'", "to='elsewhere.test'"));
        assertThat(h.output()).contains("<host-unknown");
    }

    @Test
    void refusesStanzasBeforeAuthentication() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        h.output();
        h.feed("<message from='a@jabber.test' to='b@gw.test'><body>hi</body></message>");
        assertThat(h.output()).contains("<not-authorized");
        assertThat(h.delivered).isEmpty();
    }

    @Test
    void answersDbVerifyOnAnUnauthenticatedStreamFromTheKeyAlone() {
        String key = new DialbackKeys(InboundHarness.SECRET).generate("jabber.test", GATEWAY, "S1");
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        h.output();
        h.feed("<db:verify from='jabber.test' to='gw.test' id='S1'>" + key + "</db:verify>"
                + "<db:verify from='jabber.test' to='gw.test' id='S2'>" + key + "</db:verify>");
        String out = h.output();
        assertThat(out).contains("<db:verify from=\"gw.test\" to=\"jabber.test\" id=\"S1\" type=\"valid\"/>".replace('"', '\''))
                .contains("id='S2' type='invalid'");
    }

    @Test
    void authenticatesWithDialbackOnlyAfterTheAuthoritativeServerSaysValid() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        String id = h.streamId(h.output());
        h.feed("<db:result from='jabber.test' to='gw.test'>k3y</db:result>");
        assertThat(h.verifyRequests).containsExactly("gw.test<->jabber.test " + id + " k3y");
        assertThat(h.output()).doesNotContain("type='valid'");
        h.verifyAnswer.complete(DialbackVerifier.Outcome.VALID);
        h.channel.runPendingTasks();
        assertThat(h.output()).contains("<db:result from='gw.test' to='jabber.test' type='valid'/>");
        h.feed("<message from='a@jabber.test' to='b@gw.test'><body>hi</body></message>");
        assertThat(h.delivered).singleElement().satisfies(s -> assertThat(s.from().toString()).isEqualTo("a@jabber.test"));
    }

    @Test
    void ignoresUnsolicitedValidResultAndVerify() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        h.output();
        h.feed("<db:result from='jabber.test' to='gw.test' type='valid'/>"
                + "<db:verify from='jabber.test' to='gw.test' id='x' type='valid'/>"
                + "<message from='a@jabber.test' to='b@gw.test'/>");
        assertThat(h.output()).contains("<not-authorized");
        assertThat(h.delivered).isEmpty();
    }

    @Test
    void invalidKeyLeavesTheDomainUnauthenticated() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        h.output();
        h.feed("<db:result from='jabber.test' to='gw.test'>forged</db:result>");
        h.verifyAnswer.complete(DialbackVerifier.Outcome.INVALID);
        h.channel.runPendingTasks();
        assertThat(h.output()).contains("type='invalid'");
        h.feed("<message from='a@jabber.test' to='b@gw.test'/>");
        assertThat(h.output()).contains("<not-authorized");
    }

    @Test
    void refusesStanzaFromADomainNotAuthenticatedOnTheStream() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        h.output();
        h.feed("<message from='mallory@other.test' to='b@gw.test'><body>spoof</body></message>");
        assertThat(h.output()).contains("<invalid-from");
        assertThat(h.delivered).isEmpty();
    }

    @Test
    void neverRelaysBetweenTwoExternalDomains() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        h.feed("<message from='a@jabber.test' to='b@third.test' id='m1'><body>relay me</body></message>");
        assertThat(h.delivered).isEmpty();
        assertThat(h.replies).singleElement().satisfies(reply -> {
            assertThat(reply.from().toString()).isEqualTo(GATEWAY);
            assertThat(reply.to().toString()).isEqualTo("a@jabber.test");
            assertThat(StanzaError.from(reply.element()).orElseThrow().condition())
                    .isEqualTo(StanzaErrorCondition.NOT_ALLOWED);
        });
    }

    @Test
    void answersMalformedRecipientWithJidMalformed() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        String longLocal = "x".repeat(1024);
        h.feed("<message from='a@jabber.test' to='" + longLocal + "@gw.test' id='m2'/>"
                + "<message from='a@jabber.test' to='b&lt;c@gw.test' id='m3'/>");
        assertThat(h.delivered).isEmpty();
        assertThat(h.replies).hasSize(2).allSatisfy(reply -> assertThat(StanzaError.from(reply.element())
                .orElseThrow().condition()).isEqualTo(StanzaErrorCondition.JID_MALFORMED));
    }

    @Test
    void refusesDialbackInClearWhenPolicyRequiresTls() throws Exception {
        PeerPolicy tlsRequired = domain -> new PeerDecision.Permitted(domain, TlsRequirement.REQUIRED,
                AuthRequirement.ANY, Optional.empty(), OptionalInt.empty());
        TestPki pki = new TestPki();
        InboundHarness h = new InboundHarness(tlsRequired, pki.tls(TlsMode.OPTIONAL, pki.issue(GATEWAY)),
                S2sLimits.defaults());
        h.feed(header("jabber.test"));
        String features = h.output();
        assertThat(features).contains("<starttls").contains("<required/>").doesNotContain("features:dialback");
        h.feed("<db:result from='jabber.test' to='gw.test'>k</db:result>");
        assertThat(h.output()).contains("<policy-violation").contains("TLS is required");
        assertThat(h.verifyRequests).isEmpty();
    }

    @Test
    void closesAStreamThatDoesNotAuthenticateInTime() {
        InboundHarness h = InboundHarness.open();
        h.channel.freezeTime();
        h.feed(header("jabber.test"));
        h.output();
        h.channel.advanceTimeBy(6, TimeUnit.SECONDS);
        h.channel.runScheduledPendingTasks();
        assertThat(h.output()).contains("<connection-timeout");
        assertThat(h.channel.isOpen()).isFalse();
    }

    @Test
    void capsUnauthenticatedConnectionsPerAddress() {
        ConnectionLimiter shared = new ConnectionLimiter(1);
        S2sLimits limits = S2sLimits.defaults().withMaxUnauthenticatedPerAddress(1);
        InboundHarness first = new InboundHarness(PeerPolicy.open(), TlsSettings.disabled(), limits, shared);
        InboundHarness second = new InboundHarness(PeerPolicy.open(), TlsSettings.disabled(), limits, shared);
        assertThat(second.output()).contains("<policy-violation").contains("too many unauthenticated connections");
        assertThat(second.channel.isOpen()).isFalse();
        first.authenticated("jabber.test");
        InboundHarness third = new InboundHarness(PeerPolicy.open(), TlsSettings.disabled(), limits, shared);
        assertThat(third.channel.isOpen()).as("the cap counts only unauthenticated connections").isTrue();
    }

    @Test
    void pausesReadingFromAFloodingPeer() {
        InboundHarness h = new InboundHarness(PeerPolicy.open(), TlsSettings.disabled(),
                S2sLimits.defaults().withMaxStanzasPerSecond(3));
        h.authenticated("jabber.test");
        h.feed("<message from='a@jabber.test' to='b@gw.test'/>".repeat(5));
        assertThat(h.delivered).hasSize(5);
        assertThat(h.channel.config().isAutoRead()).isFalse();
    }

    @Test
    void turnsRestrictedXmlIntoAStreamErrorAndCloses() {
        InboundHarness h = InboundHarness.open().feed(header("jabber.test"));
        h.output();
        h.feed("<!-- comment -->");
        assertThat(h.output()).contains("<restricted-xml");
        assertThat(h.channel.isOpen()).isFalse();
    }

    @Test
    void countsInboundStanzasPerDomain() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        h.feed("<message from='a@jabber.test' to='b@gw.test'/>");
        assertThat(h.registry.find("parley.xmpp.s2s.stanzas").tag("direction", "in").tag("domain", "jabber.test")
                .counter().count()).isEqualTo(1);
        assertThat(h.registry.find("parley.xmpp.s2s.sessions").tag("direction", "inbound").tag("state", "authenticated")
                .gauge().value()).isEqualTo(1);
    }

    @Test
    void authenticatesSeveralDomainPairsOnOneStream() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        h.feed("<db:result from='jabber.test' to='conf.gw.test'>k2</db:result>"
                + "<db:result from='muc.jabber.test' to='gw.test'>k3</db:result>");
        assertThat(h.verifyRequests).hasSize(3).last().asString().startsWith("gw.test<->muc.jabber.test ");
        assertThat(h.output()).contains("<db:result from='conf.gw.test' to='jabber.test' type='valid'/>")
                .contains("<db:result from='gw.test' to='muc.jabber.test' type='valid'/>");
        h.feed("<message from='a@jabber.test' to='b@conf.gw.test' id='1'/>"
                + "<message from='a@jabber.test' to='b@gw.test' id='2'/>"
                + "<message from='room@muc.jabber.test' to='b@gw.test' id='3'/>");
        assertThat(h.delivered).extracting(s -> s.id()).containsExactly("1", "2", "3");
    }

    @Test
    void refusesAStanzaForAPairNotAuthenticatedEvenIfBothDomainsAreInOthers() {
        InboundHarness h = InboundHarness.open().authenticated("jabber.test");
        h.feed("<db:result from='muc.jabber.test' to='conf.gw.test'>k</db:result>");
        h.output();
        h.feed("<message from='room@muc.jabber.test' to='b@gw.test'/>");
        assertThat(h.output()).contains("<invalid-from");
        assertThat(h.delivered).isEmpty();
    }
}
