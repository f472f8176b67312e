package org.parley.gateway.route;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.parley.gateway.allowlist.AllowListEntry;
import org.parley.gateway.allowlist.AllowListSnapshot;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.DomainPolicy;
import org.parley.gateway.allowlist.Origin;
import org.parley.gateway.allowlist.TlsPolicy;
import org.parley.gateway.config.FederationConfig;
import org.parley.mapper.address.AddressMapper;

/**
 * The routes' test world: SIP (and XMPP) domain {@code contoso.test}, an XMPP-only domain {@code xmpponly.test},
 * and an allow list permitting {@code jabber.test} but not {@code evil.test}.
 */
public final class RouteFixtures {

    /** The local SIP domain, also served on XMPP. */
    public static final String LOCAL = "contoso.test";

    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private RouteFixtures() {
    }

    /** Maps for SIP domain {@code contoso.test} and XMPP domains {@code contoso.test}, {@code xmpponly.test}. */
    public static AddressMapper addresses() {
        return new AddressMapper(Set.of(LOCAL), Set.of(LOCAL, "xmpponly.test"));
    }

    /** Allow-list mode with {@code jabber.test} listed and enabled. */
    public static RoutePolicy policy() {
        AllowListSnapshot snapshot = AllowListSnapshot.of(1, List.of(AllowListEntry.of(DomainName.of("jabber.test"),
                DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CONFIG, T, T)));
        return new RoutePolicy(() -> Optional.of(snapshot), FederationConfig.Mode.ALLOW_LIST);
    }

    /** The count of {@code parley.route.messages} with these tags (0 when never counted). */
    public static double count(MeterRegistry registry, Direction direction, RouteOutcome outcome, String condition) {
        Counter counter = registry.find("parley.route.messages").tag("direction", direction.tag())
                .tag("outcome", outcome.tag()).tag("condition", condition).counter();
        return counter == null ? 0 : counter.count();
    }
}
