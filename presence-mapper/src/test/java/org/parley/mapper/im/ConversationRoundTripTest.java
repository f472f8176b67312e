package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.sip2xmpp.InboundSettings;
import org.parley.mapper.xmpp2sip.MessageSettings;
import org.parley.mapper.xmpp2sip.SipAction;

/**
 * A conversation through both translators, started on either side: the thread stays one thread on XMPP and the
 * Call-ID one Call-ID on SIP, with no state kept between messages.
 */
class ConversationRoundTripTest {

    private static final AddressMapper ADDRESSES = new AddressMapper(Set.of("contoso.test"), Set.of("contoso.test"));
    private static final XmppAddress JULIET = XmppAddress.parse("juliet@jabber.example/yn0cl4bnw0yr3vym").orElseThrow();
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "contoso.test");

    private final org.parley.mapper.xmpp2sip.MessageTranslator toSip =
            new org.parley.mapper.xmpp2sip.MessageTranslator(ADDRESSES, MessageSettings.DEFAULTS);
    private final org.parley.mapper.sip2xmpp.MessageTranslator toXmpp =
            new org.parley.mapper.sip2xmpp.MessageTranslator(ADDRESSES, InboundSettings.DEFAULTS);

    /** Juliet starts on XMPP; Romeo's user agent answers in the same Call-ID; Juliet answers in her thread. */
    @ParameterizedTest
    @ValueSource(strings = {"29377446-0CBB-4296-8958-590D79094C50", "hello world", "xt~YWJj", "Ärger@a@b", "-"})
    void keepsAnXmppStartedThread(String threadId) {
        Optional<MessageThread> thread = threadId.equals("-") ? Optional.empty()
                : Optional.of(MessageThread.of(threadId));
        SipMessage first = sent(XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).thread(thread)
                .body("Art thou not Romeo?").build());

        XmppMessage reply = toXmpp.translate(replyTo(first, "Neither, fair saint.")).orElseThrow();
        assertThat(reply.to()).isEqualTo(JULIET);
        assertThat(reply.from()).isEqualTo(ROMEO);
        thread.ifPresent(t -> assertThat(reply.thread()).contains(t));

        SipMessage second = sent(XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).thread(reply.thread())
                .body("Then how?").build());
        assertThat(second.callId()).isEqualTo(first.callId());
    }

    /** Romeo starts on SIP with his user agent's Call-ID; Juliet's reply in that thread keeps the Call-ID. */
    @ParameterizedTest
    @ValueSource(strings = {"9E97FB43-85F4-4A00-8751-1124FD4C7B2E", "a84b4c76e66710@pc33.contoso.test",
        "xt~YWJj", "xt~aGVsbG8gd29ybGQ", "conv-1"})
    void keepsASipStartedCallId(String callId) {
        SipAddress juliet = ADDRESSES.toSip(JULIET.bare(), Party.REMOTE_XMPP_USER).orElseThrow();
        SipAddress romeo = ADDRESSES.toSip(ROMEO, Party.LOCAL_SIP_USER).orElseThrow();
        SipMessage first = new SipMessage(juliet, juliet, romeo, callId,
                OptionalLong.of(1), Optional.of(ContentType.TEXT_PLAIN_UTF8), List.of(), Optional.empty(),
                "Lady, by yonder blessed moon I swear".getBytes(StandardCharsets.UTF_8));
        XmppMessage received = toXmpp.translate(first).orElseThrow();

        SipMessage reply = sent(XmppMessage.builder(JULIET, ROMEO).thread(received.thread()).body("O, swear not")
                .build());
        assertThat(reply.callId()).isEqualTo(callId);
        assertThat(toXmpp.translate(first.withCseq(2)).orElseThrow().thread()).isEqualTo(received.thread());
    }

    private SipMessage sent(XmppMessage message) {
        return ((SipAction.Send) toSip.translate(message).orElseThrow()).message();
    }

    /** Romeo's user agent answering {@code message}: swapped From/To, same Call-ID, next CSeq. */
    private static SipMessage replyTo(SipMessage message, String text) {
        return new SipMessage(message.from(), message.from(), message.to(), message.callId(), OptionalLong.of(2),
                Optional.of(ContentType.TEXT_PLAIN_UTF8), List.of(), Optional.empty(),
                text.getBytes(StandardCharsets.UTF_8));
    }
}
