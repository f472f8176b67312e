package org.parley.xmpp.s2s;

import org.parley.xmpp.stanza.Stanza;

/** Where an authenticated inbound stanza goes next (see {@link LocalDelivery}). */
interface StanzaSink {

    /** Takes a stanza whose sender is authenticated and whose recipient is a served domain. */
    void deliver(Stanza stanza);
}
