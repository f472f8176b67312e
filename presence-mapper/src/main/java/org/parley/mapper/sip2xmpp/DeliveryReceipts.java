package org.parley.mapper.sip2xmpp;

import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.XmppMessage;

/**
 * XEP-0184 receipts ↔ SIP final responses to MESSAGE; the promise each side gets is set out in the package
 * documentation. Pure functions.
 */
public final class DeliveryReceipts {

    private DeliveryReceipts() {
    }

    /**
     * The ack message for an XMPP {@code sent} message that went out as a SIP MESSAGE answered with
     * {@code sipStatus}: present only if {@code sent} asked for a receipt (and has an id) and the answer is a 2xx
     * other than 202. A 200 means delivered to the final destination, not read (RFC 3428 §4), which is XEP-0184's
     * "delivered to a client"; 202 Accepted only says a relay or store-and-forward server took the message. The ack comes from
     * the SIP user (the {@code to} of {@code sent}) with the same type and thread, id {@code rcpt-} + the
     * original id, and only {@code <received/>} (XEP-0184 §5).
     */
    public static Optional<XmppMessage> receiptFor(XmppMessage sent, int sipStatus) {
        Objects.requireNonNull(sent, "sent");
        boolean delivered = sipStatus >= 200 && sipStatus <= 299 && sipStatus != 202;
        boolean wanted = sent.receiptRequested() && sent.id().isPresent() && sent.type() != MessageType.ERROR
                && sent.type() != MessageType.GROUPCHAT;
        if (!delivered || !wanted) {
            return Optional.empty();
        }
        String id = sent.id().get();
        return Optional.of(XmppMessage.builder(sent.to(), sent.from())
                .type(sent.type())
                .id("rcpt-" + id)
                .thread(sent.thread())
                .receiptFor(id)
                .build());
    }

    /**
     * Whether {@code ack} is the XEP-0184 receipt for {@code delivered}, a message the gateway sent to XMPP with a
     * receipt request: it names {@code delivered}'s id and comes from its recipient (bare JIDs compared, since any
     * of the recipient's clients may answer) to its sender.
     */
    public static boolean acknowledges(XmppMessage ack, XmppMessage delivered) {
        return ack.receiptFor().isPresent() && ack.receiptFor().equals(delivered.id())
                && ack.from().bare().equals(delivered.to().bare())
                && ack.to().bare().equals(delivered.from().bare());
    }
}
