package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.parley.gateway.presence.state.AuthorizationDirection;
import org.parley.gateway.presence.state.AuthorizationKey;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;

class SharedKeysTest {

    private final SharedKeys shared = new SharedKeys();

    @Test
    void equalAddressesAndKeysReadFromSeparateRowsBecomeOneObjectEach() {
        AuthorizationKey aliceBob = shared.of(key("bob", "alice"));
        AuthorizationKey aliceCarol = shared.of(key("carol", "alice"));
        AuthorizationKey aliceBobAgain = shared.of(key("bob", "alice"));

        assertThat(aliceCarol.xmppContact()).isSameAs(aliceBob.xmppContact());
        assertThat(aliceBobAgain).isSameAs(aliceBob);
        assertThat(aliceCarol).isEqualTo(key("carol", "alice"));
    }

    @Test
    void directionsStayApart() {
        AuthorizationKey out = shared.of(key("bob", "alice"));
        AuthorizationKey in = shared.of(new AuthorizationKey(SipAddress.of("bob", "contoso.test"),
                XmppAddress.of("alice", "jabber.test"), AuthorizationDirection.SIP_TO_XMPP));

        assertThat(in).isNotEqualTo(out);
        assertThat(in.sipUser()).isSameAs(out.sipUser());
    }

    private static AuthorizationKey key(String sipUser, String contact) {
        return new AuthorizationKey(SipAddress.of(sipUser, "contoso.test"), XmppAddress.of(contact, "jabber.test"),
                AuthorizationDirection.XMPP_TO_SIP);
    }
}
