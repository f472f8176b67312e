package org.parley.gateway.route.presence;

import java.util.Objects;
import org.parley.mapper.MappingResult;
import org.parley.mapper.presence.XmppPresence;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the mapper's presences to XMPP; one that cannot be written or sent is logged, never thrown. */
final class PresenceOut {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceOut.class);

    private final XmppOutbound xmpp;

    PresenceOut(XmppOutbound xmpp) {
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
    }

    void send(XmppPresence presence) {
        MappingResult<Stanza> stanza = PresenceStanzas.write(presence);
        if (stanza instanceof MappingResult.Rejected<Stanza> rejected) {
            LOG.info("presence {} from {} to {} not sent: {}", presence.type(), presence.from(), presence.to(),
                    rejected.rejection().reason());
            return;
        }
        try {
            xmpp.send(stanza.orElseThrow());
        } catch (RuntimeException e) {
            LOG.warn("presence {} from {} to {} not sent: {}", presence.type(), presence.from(), presence.to(),
                    e.toString());
        }
    }
}
