package org.parley.xmpp.s2s;

import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns undeliverable stanzas to their (local) senders as error stanzas (RFC 6120 §8.3.1), so nothing vanishes:
 * the error goes to {@link XmppInbound#bounced}; errors and IQ results are never answered and are only counted.
 */
final class Bounces {

    private static final Logger LOG = LoggerFactory.getLogger(Bounces.class);

    private final XmppInbound inbound;
    private final S2sMetrics metrics;

    Bounces(XmppInbound inbound, S2sMetrics metrics) {
        this.inbound = inbound;
        this.metrics = metrics;
    }

    void bounce(Stanza stanza, StanzaErrorCondition condition) {
        metrics.bounce(condition, stanza.to().domain());
        stanza.errorReply(StanzaError.of(condition)).ifPresentOrElse(inbound::bounced,
                () -> LOG.debug("dropping undeliverable {} (an error or IQ response is never bounced)",
                        stanza.kind()));
    }
}
