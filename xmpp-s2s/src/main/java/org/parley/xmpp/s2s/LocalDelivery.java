package org.parley.xmpp.s2s;

import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;

/**
 * Sorts authenticated stanzas for served domains: IQ requests to a bare served domain are answered by
 * {@link LocalDomain} (replies go out through {@link XmppOutbound}); IQ results and errors to the bare domain
 * answer our pings; everything else goes to the gateway through {@link XmppInbound#received}.
 */
final class LocalDelivery implements StanzaSink {

    private final XmppInbound inbound;
    private final LocalDomain domain;
    private final XmppOutbound replies;
    private final PingTracker pings;

    LocalDelivery(XmppInbound inbound, LocalDomain domain, XmppOutbound replies, PingTracker pings) {
        this.inbound = inbound;
        this.domain = domain;
        this.replies = replies;
        this.pings = pings;
    }

    @Override
    public void deliver(Stanza stanza) {
        if (stanza.to().isDomain() && stanza.kind() == StanzaKind.IQ) {
            if (stanza.isIqRequest()) {
                replies.send(domain.answer(stanza));
                return;
            }
            if (pings.answered(stanza.id())) {
                return;
            }
        }
        inbound.received(stanza);
    }
}
