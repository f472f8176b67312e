package org.parley.gateway.xmpp;

import java.util.concurrent.atomic.AtomicReference;
import org.parley.xmpp.s2s.XmppInbound;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaErrorCondition;
import org.parley.xmpp.stanza.StanzaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the gateway does with stanzas for its local addresses while no route to the SIP side is wired: every
 * message and IQ request is answered with {@code service-unavailable} (RFC 6120 §8.3.3.19, §10.5.3), so a
 * remote sender always learns that nothing was delivered; presence is not answered (RFC 6120 §10.5.3.2 lets
 * a server ignore presence for addresses it cannot deliver to). Bounces of stanzas the gateway itself sent are
 * logged. Runs on event loops: only builds the reply and hands it to {@link XmppOutbound#send}.
 */
public final class UnroutedXmppInbound implements XmppInbound {

    private static final Logger LOG = LoggerFactory.getLogger(UnroutedXmppInbound.class);
    private static final StanzaError NO_ROUTE = StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE,
            "this gateway has no route to the SIP side for this address");

    private final AtomicReference<XmppOutbound> outbound = new AtomicReference<>();

    /** Connects the reply path (the s2s service itself, created after this port). */
    public void replyThrough(XmppOutbound replies) {
        outbound.set(replies);
    }

    @Override
    public void received(Stanza stanza) {
        if (stanza.kind() == StanzaKind.PRESENCE || stanza.isError() || "result".equals(stanza.type())) {
            LOG.debug("no route for {} from {} to {}; not answered", stanza.kind(), stanza.from(), stanza.to());
            return;
        }
        XmppOutbound replies = outbound.get();
        stanza.errorReply(NO_ROUTE).ifPresent(reply -> {
            LOG.info("no route for {} from {} to {}: answered service-unavailable", stanza.kind(), stanza.from(), stanza.to());
            if (replies != null) {
                replies.send(reply);
            }
        });
    }

    @Override
    public void bounced(Stanza error) {
        LOG.info("stanza from {} to {} bounced: {}", error.to(), error.from(),
                StanzaError.from(error.element()).map(e -> e.condition().elementName()).orElse("(no condition)"));
    }
}
