package org.parley.gateway.route.presence;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.packet.Presence;
import org.jxmpp.jid.Jid;
import org.parley.gateway.testsupport.ImPeers;

/** Presence stanzas the presence suites have alice (Smack, at Prosody) send to one user: subscriptions and answers. */
final class AliceSends {

    private AliceSends() {
    }

    /** alice sends a presence of {@code type} (subscribe, subscribed, unsubscribe, …) to {@code to}. */
    static void presence(ImPeers peers, Presence.Type type, Jid to)
            throws SmackException.NotConnectedException, InterruptedException {
        peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza().ofType(type).to(to).build());
    }
}
