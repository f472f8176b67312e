package org.parley.gateway.route.xmpp2sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.route.MessageStanzaReader;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.Stanzas;
import org.parley.mapper.im.XmppMessage;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;

/** The XMPP sender's answer for each way a MESSAGE transaction can end (RFC 7247 Table 3, XEP-0184). */
class SipOutcomeReplyTest {

    private static final Stanza SENT = Stanzas.parse("<message from='alice@jabber.test/pc' to='bob@contoso.test' "
            + "id='m1' type='chat'><body>hi</body><thread>t1</thread><request xmlns='urn:xmpp:receipts'/></message>");
    private static final XmppMessage MESSAGE = MessageStanzaReader.read(SENT).orElseThrow();

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            404 | Not Found                | item-not-found        | cancel
            480 | Temporarily Unavailable  | recipient-unavailable | wait
            486 | Busy Here                | recipient-unavailable | wait
            503 | Service Unavailable      | internal-server-error | cancel
            408 | Request Timeout          | remote-server-timeout | wait
            403 | Forbidden                | forbidden             | auth
            415 | Unsupported Media Type   | not-acceptable        | modify
            603 | Decline                  | recipient-unavailable | wait
            """)
    void anErrorResponseBouncesWithTheTable3Condition(int status, String reason, String condition, String type) {
        SipOutcomeReply reply = SipOutcomeReply.of(new SipOutcome.FinalResponse(status, reason, List.of(),
                Optional.empty()), SENT, MESSAGE);

        assertThat(reply.outcome()).isEqualTo(RouteOutcome.BOUNCED);
        assertThat(reply.condition()).isEqualTo(condition);
        Stanza error = reply.reply().orElseThrow();
        assertThat(error.type()).isEqualTo("error");
        assertThat(error.from()).isEqualTo(SENT.to());
        assertThat(error.to()).isEqualTo(SENT.from());
        assertThat(error.id()).isEqualTo("m1");
        StanzaError carried = StanzaError.from(error.element()).orElseThrow();
        assertThat(carried.condition().elementName()).isEqualTo(condition);
        assertThat(carried.type().xmlValue()).isEqualTo(type);
        assertThat(carried.text()).isEqualTo(reason);
    }

    @Test
    void a200DeliversAndSendsTheRequestedReceiptFromTheSipUser() {
        SipOutcomeReply reply = SipOutcomeReply.of(new SipOutcome.FinalResponse(200, "OK", List.of(),
                Optional.empty()), SENT, MESSAGE);

        assertThat(reply.outcome()).isEqualTo(RouteOutcome.DELIVERED);
        Stanza receipt = reply.reply().orElseThrow();
        assertThat(receipt.from().toString()).isEqualTo("bob@contoso.test");
        assertThat(receipt.to().toString()).isEqualTo("alice@jabber.test/pc");
        assertThat(receipt.element().toXml()).contains("<received xmlns='urn:xmpp:receipts' id='m1'/>")
                .contains("<thread>t1</thread>");
    }

    @Test
    void a202DeliversWithoutAReceipt() {
        SipOutcomeReply reply = SipOutcomeReply.of(new SipOutcome.FinalResponse(202, "Accepted", List.of(),
                Optional.empty()), SENT, MESSAGE);

        assertThat(reply.outcome()).isEqualTo(RouteOutcome.DELIVERED);
        assertThat(reply.reply()).isEmpty();
    }

    @Test
    void aRedirectCarriesTheContactAsTheNewAddress() {
        SipOutcomeReply reply = SipOutcomeReply.of(new SipOutcome.FinalResponse(302, "Moved Temporarily",
                List.of(new SipHeader("Contact", "<sip:bob@elsewhere.test>")), Optional.empty()), SENT, MESSAGE);

        StanzaError carried = StanzaError.from(reply.reply().orElseThrow().element()).orElseThrow();
        assertThat(carried.condition().elementName()).isEqualTo("redirect");
        assertThat(carried.text()).contains("sip:bob@elsewhere.test");
    }

    @Test
    void noFinalResponseAndAnUnreachableEdgeBothBounceAsRemoteServerTimeout() {
        for (SipOutcome outcome : List.of(new SipOutcome.Timeout("timer F"),
                new SipOutcome.TransportError("edge down"))) {
            SipOutcomeReply reply = SipOutcomeReply.of(outcome, SENT, MESSAGE);

            assertThat(reply.outcome()).as(outcome.toString()).isEqualTo(RouteOutcome.BOUNCED);
            assertThat(reply.condition()).isEqualTo("remote-server-timeout");
            assertThat(StanzaError.from(reply.reply().orElseThrow().element()).orElseThrow().type().xmlValue())
                    .isEqualTo("wait");
        }
    }

    @Test
    void aRequestTheStackCouldNotBuildIsRefusedAsBadRequest() {
        SipOutcomeReply reply = SipOutcomeReply.of(new SipOutcome.Invalid("bad URI"), SENT, MESSAGE);

        assertThat(reply.outcome()).isEqualTo(RouteOutcome.REFUSED);
        assertThat(reply.condition()).isEqualTo("bad-request");
    }
}
