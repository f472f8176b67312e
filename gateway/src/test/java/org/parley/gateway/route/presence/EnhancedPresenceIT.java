package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.parley.gateway.testpeers.Await;
import org.parley.gateway.testsupport.ImPeers;
import org.parley.gateway.testsupport.ImPeersExtension;
import org.parley.testkit.SippAgent;

/**
 * Microsoft enhanced presence on the wire ([MS-PRES]) through the packaged gateway: alice in Prosody (Smack)
 * subscribes to a SIP user whose presence, behind a real Kamailio edge over mutual TLS, is played by sipp as a Lync
 * edge would send it: the SUBSCRIBE must accept {@code application/msrtc-event-categories+xml}, and the NOTIFY's
 * {@code <categories>} body (availability 6500, busy, with a personal note) reaches alice as {@code dnd} with the
 * note as status.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EnhancedPresenceIT {

    private static final Duration WAIT = ImPeers.WAIT;

    @RegisterExtension
    static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));

    @ImPeersExtension.Peers
    private ImPeers peers;

    @Test
    void aliceSeesABusyLyncUserAsDndWithHisNoteFromTheCategoriesNotify() throws Exception {
        EntityBareJid erin = JidCreate.entityBareFrom("erin@" + ImPeers.LOCAL);
        Roster roster = Roster.getInstanceFor(peers.alice());
        try (SippAgent presenceServer = peers.userAgent(getClass().getResource("sipp/uas_presence_msrtc.xml"),
                Map.of("AVAILABILITY", "6500", "NOTE", "In a call"), 1, WAIT)) {
            peers.alice().sendStanza(peers.alice().getStanzaFactory().buildPresenceStanza()
                    .ofType(Presence.Type.subscribe).to(erin).build());

            assertThat(presenceServer.awaitExit(WAIT)).as(presenceServer.log() + peers.logs()).hasValue(0);
            assertThat(presenceServer.messageTrace())
                    .contains("SUBSCRIBE sip:erin@contoso.test SIP/2.0")
                    .containsPattern("Accept: application/pidf\\+xml, ?application/msrtc-event-categories\\+xml");
        }

        Await.until(WAIT, "erin available at alice", () -> roster.getPresence(erin).isAvailable());
        Presence presence = roster.getPresence(erin);
        assertThat(presence.getFrom().toString()).isEqualTo("erin@contoso.test");
        assertThat(presence.getMode()).isEqualTo(Presence.Mode.dnd);
        assertThat(presence.getStatus()).isEqualTo("In a call");
    }
}
