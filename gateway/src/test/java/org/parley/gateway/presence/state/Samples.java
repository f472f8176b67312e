package org.parley.gateway.presence.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;

/** Realistic presence-state items for tests, numbered so that many distinct ones can be made. */
final class Samples {

    static final Instant T0 = Instant.parse("2026-03-04T05:06:07.123456Z");

    private Samples() {
    }

    static SipAddress sipUser(int n) {
        return SipAddress.of("bob" + n, "contoso.test");
    }

    static XmppAddress contact(int n) {
        return XmppAddress.of("alice" + n, "jabber.test");
    }

    static AuthorizationKey key(int n, AuthorizationDirection direction) {
        return new AuthorizationKey(sipUser(n), contact(n), direction);
    }

    static PresenceAuthorization authorization(int n, AuthorizationDirection direction, AuthorizationState state) {
        return PresenceAuthorization.of(key(n, direction), state, T0);
    }

    static DialogId dialogId(int n) {
        return new DialogId(String.format("%08x-5d1c-4e2b-9a0f-%012x@gw.contoso.test", n, n), "gw" + n + "a7c3e9");
    }

    static SipSubscriptionDialog dialog(int n, DialogRole role, Instant expiresAt) {
        return dialog(n, dialogId(n), role, expiresAt);
    }

    static SipSubscriptionDialog dialog(int n, DialogId id, DialogRole role, Instant expiresAt) {
        return new SipSubscriptionDialog(id, Optional.of("edge" + n + "f3b1"), role, sipUser(n), contact(n),
                "presence", DialogState.ACTIVE, "sip:bob" + n + "@10.1.2.3:5061;transport=tls",
                List.of("<sip:edge.contoso.test:5061;transport=tls;lr>"), 7, expiresAt);
    }

    static LastPresence presence(int n, String resource) {
        return new LastPresence(contact(n).withResource(resource), true, Show.AWAY,
                List.of(StatusText.of("In a meeting until 3")), 5, T0);
    }
}
