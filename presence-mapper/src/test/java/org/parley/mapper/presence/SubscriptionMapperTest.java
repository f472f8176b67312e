package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;

/** RFC 8048 §5 and §7 with the gateway serving example.net (romeo) and juliet on the remote example.com. */
class SubscriptionMapperTest {

    private static final AddressMapper ADDRESSES = new AddressMapper(Set.of("example.net"), Set.of("example.net"));
    private static final XmppAddress JULIET = XmppAddress.of("juliet", "example.com");
    private static final XmppAddress ROMEO = XmppAddress.of("romeo", "example.net");
    private static final SipAddress JULIET_SIP = SipAddress.of("juliet", "example.com");
    private static final SipAddress ROMEO_SIP = SipAddress.of("romeo", "example.net");

    private final SubscriptionMapper mapper = new SubscriptionMapper(ADDRESSES, SubscriptionSettings.DEFAULTS);

    @ParameterizedTest(name = "{0} -> {1} Expires {2}")
    @CsvSource({"SUBSCRIBE,SUBSCRIBE,3600", "UNSUBSCRIBE,UNSUBSCRIBE,0", "PROBE,FETCH,0"})
    void mapsExamples2And8And23(PresenceType type, SubscribeIntent.Kind kind, int expires) {
        XmppPresence stanza = XmppPresence.of(type, JULIET.withResource("chamber"), ROMEO);

        SubscribeIntent intent = mapper.intent(stanza, XmppPresenceAction.of(type, false).subscribeKind()
                .orElseThrow()).orElseThrow();

        assertThat(intent).isEqualTo(new SubscribeIntent(kind, JULIET_SIP, ROMEO_SIP, expires));
        assertThat(intent.kind().newDialog()).isEqualTo(kind != SubscribeIntent.Kind.UNSUBSCRIBE);
    }

    @Test
    void takesExpiresFromTheSettings() {
        SubscriptionMapper shortLived = new SubscriptionMapper(ADDRESSES, new SubscriptionSettings(120, 5));

        assertThat(shortLived.intent(JULIET, ROMEO, SubscribeIntent.Kind.REFRESH).orElseThrow().expiresSeconds())
                .isEqualTo(120);
    }

    @Test
    void rejectsASubscribeToAUserOutsideTheLocalSipDomains() {
        MappingResult<SubscribeIntent> result = mapper.intent(JULIET, XmppAddress.of("x", "elsewhere.test"),
                SubscribeIntent.Kind.SUBSCRIBE);

        assertThat(((MappingResult.Rejected<SubscribeIntent>) result).rejection().condition())
                .isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND);
    }

    @ParameterizedTest
    @EnumSource(value = PresenceType.class, names = {"SUBSCRIBE", "PROBE", "UNAVAILABLE", "SUBSCRIBED"})
    void mapsExamples12And25BetweenBareAddresses(PresenceType type) {
        XmppPresence stanza = mapper.toXmpp(ROMEO_SIP.withGruu("dr4hcr0st3lup4c"), JULIET_SIP, type).orElseThrow();

        assertThat(stanza).isEqualTo(XmppPresence.of(type, ROMEO, JULIET));
    }

    @Test
    void refusesToBuildAnErrorWithoutAStanzaError() {
        assertThatThrownBy(() -> mapper.toXmpp(ROMEO_SIP, JULIET_SIP, PresenceType.ERROR))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void raisesExpiresToMinExpiresAfter423() {
        SubscribeIntent intent = new SubscribeIntent(SubscribeIntent.Kind.SUBSCRIBE, JULIET_SIP, ROMEO_SIP, 60);

        assertThat(intent.withMinExpires(1800).expiresSeconds()).isEqualTo(1800);
        assertThatThrownBy(() -> new SubscribeIntent(SubscribeIntent.Kind.FETCH, JULIET_SIP, ROMEO_SIP, 0)
                .withMinExpires(60)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void requiresExpiresZeroExactlyForUnsubscribeAndFetch() {
        assertThatThrownBy(() -> new SubscribeIntent(SubscribeIntent.Kind.UNSUBSCRIBE, JULIET_SIP, ROMEO_SIP, 60))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscribeIntent(SubscribeIntent.Kind.SUBSCRIBE, JULIET_SIP, ROMEO_SIP, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscribeIntent(SubscribeIntent.Kind.SUBSCRIBE, JULIET_SIP,
                ROMEO_SIP.withGruu("g"), 60)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "granted {0} s -> refresh after {1} s")
    @CsvSource({"3600,3000", "1200,600", "600,300", "60,30", "1,1"})
    void refreshesAtHalfLifeButAtMostTenMinutesEarly(long granted, long refreshAfter) {
        assertThat(SubscriptionSettings.DEFAULTS.refreshAfterSeconds(granted)).isEqualTo(refreshAfter);
    }

    @Test
    void defaultsToAnHourAsRfc3856Does() {
        assertThat(SubscriptionSettings.DEFAULTS.expiresSeconds()).isEqualTo(3600);
        assertThat(SubscribeIntent.EVENT).isEqualTo("presence");
        assertThat(SubscribeIntent.ACCEPT).isEqualTo("application/pidf+xml, application/msrtc-event-categories+xml");
    }
}
