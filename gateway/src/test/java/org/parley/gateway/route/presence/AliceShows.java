package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jivesoftware.smack.packet.Presence;
import org.parley.gateway.testsupport.ImPeers;

/**
 * One presence alice sends (show and status, or unavailable with a status) and the PIDF a SIP watcher must get
 * for it (RFC 8048 §6.2, Table 1): basic open or closed, the embedded {@code <show xmlns='jabber:client'>}, the
 * RPID activity of the gateway's show table (RFC 4480) and the status as {@code <note>}.
 *
 * @param mode     alice's show; empty for unavailable
 * @param status   her status text
 * @param activity the RPID activity expected in the PIDF; empty when none is written
 */
record AliceShows(Optional<Presence.Mode> mode, String status, Optional<String> activity) {

    static AliceShows available(Presence.Mode mode, String status, Optional<String> activity) {
        return new AliceShows(Optional.of(mode), status, activity);
    }

    static AliceShows unavailable(String status) {
        return new AliceShows(Optional.empty(), status, Optional.empty());
    }

    /** The stanza alice broadcasts. */
    Presence stanza(ImPeers peers) {
        var builder = peers.alice().getStanzaFactory().buildPresenceStanza().setStatus(status);
        mode.ifPresentOrElse(builder::setMode, () -> builder.ofType(Presence.Type.unavailable));
        return builder.build();
    }

    /** Asserts that {@code notify} (a whole NOTIFY request) carries this presence as PIDF. */
    void assertMappedIn(String notify) {
        assertThat(notify).containsPattern("Content-Type: application/pidf\\+xml")
                .containsPattern("<note[^>]*>" + Pattern.quote(status) + "</note>");
        if (mode.isEmpty()) {
            assertThat(notify).contains("<basic>closed</basic>").doesNotContain("<basic>open</basic>");
            return;
        }
        assertThat(notify).contains("<basic>open</basic>")
                .containsPattern("<show xmlns=.jabber:client.>" + mode.get() + "</show>");
        activity.ifPresentOrElse(
                name -> assertThat(notify).containsPattern("<activities>\\s*<" + name + "\\s*/>|<(\\w+):activities>\\s*<\\1:"
                        + name + "\\s*/>"),
                () -> assertThat(notify).doesNotContain("activities>"));
    }

    @Override
    public String toString() {
        return mode.map(Presence.Mode::toString).orElse("unavailable") + " '" + status + "'";
    }
}
