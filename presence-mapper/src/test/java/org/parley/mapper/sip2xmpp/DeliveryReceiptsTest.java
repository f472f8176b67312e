package org.parley.mapper.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.im.MessageThread;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.XmppMessage;

/** XEP-0184 receipts ↔ SIP final responses (RFC 3428 §4). */
class DeliveryReceiptsTest {

    private static final XmppAddress JULIET = XmppAddress.parse("juliet@jabber.example/balcony").orElseThrow();
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "contoso.test");

    @ParameterizedTest(name = "SIP {0} -> receipt {1}")
    @CsvSource(textBlock = """
            200, true
            201, true
            202, false
            180, false
            404, false
            480, false
            603, false
            """)
    void sendsAReceiptOnlyForDeliveryToTheUserAgent(int status, boolean receipt) {
        XmppMessage sent = XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).id("m1").thread("t")
                .body("hi").receiptRequested(true).build();
        assertThat(DeliveryReceipts.receiptFor(sent, status).isPresent()).isEqualTo(receipt);
    }

    @Test
    void addressesTheReceiptFromTheRecipientToTheSenderWithOnlyReceived() {
        XmppMessage sent = XmppMessage.builder(JULIET, ROMEO).type(MessageType.CHAT).id("m1").thread("t")
                .body("hi").receiptRequested(true).build();
        XmppMessage ack = DeliveryReceipts.receiptFor(sent, 200).orElseThrow();
        assertThat(ack.from()).isEqualTo(ROMEO);
        assertThat(ack.to()).isEqualTo(JULIET);
        assertThat(ack.type()).isEqualTo(MessageType.CHAT);
        assertThat(ack.receiptFor()).contains("m1");
        assertThat(ack.thread()).contains(MessageThread.of("t"));
        assertThat(ack.bodies()).isEmpty();
        assertThat(ack.receiptRequested()).isFalse();
    }

    @Test
    void sendsNoReceiptWhenNoneWasRequestedOrTheMessageHadNoId() {
        XmppMessage unrequested = XmppMessage.builder(JULIET, ROMEO).id("m1").body("hi").build();
        XmppMessage withoutId = XmppMessage.builder(JULIET, ROMEO).body("hi").receiptRequested(true).build();
        assertThat(DeliveryReceipts.receiptFor(unrequested, 200)).isEmpty();
        assertThat(DeliveryReceipts.receiptFor(withoutId, 200)).isEmpty();
    }

    @Test
    void recognisesTheAckForAMessageSentToXmpp() {
        XmppMessage delivered = XmppMessage.builder(ROMEO, JULIET.bare()).id("s2x-1").body("hi")
                .receiptRequested(true).build();
        XmppMessage ack = XmppMessage.builder(JULIET, ROMEO).receiptFor("s2x-1").build();
        XmppMessage otherId = XmppMessage.builder(JULIET, ROMEO).receiptFor("s2x-2").build();
        XmppMessage otherSender = XmppMessage.builder(XmppAddress.of("tybalt", "jabber.example"), ROMEO)
                .receiptFor("s2x-1").build();
        assertThat(DeliveryReceipts.acknowledges(ack, delivered)).isTrue();
        assertThat(DeliveryReceipts.acknowledges(otherId, delivered)).isFalse();
        assertThat(DeliveryReceipts.acknowledges(otherSender, delivered)).isFalse();
    }
}
