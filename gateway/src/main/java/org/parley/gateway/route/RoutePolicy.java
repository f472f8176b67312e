package org.parley.gateway.route;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.parley.gateway.allowlist.AllowListSnapshot;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.FederationDecision;
import org.parley.gateway.config.FederationConfig;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * The routing rule on the remote side (ROBUSTNESS 16, RFC 6120 §13.7 "no open relay"): messages pass only between
 * a local SIP user and a user of a remote XMPP domain that the live allow list permits under the federation mode.
 * The address mapper enforces the local side (a SIP user of a domain that is both a SIP and an XMPP domain of the
 * gateway) and refuses local ⇄ local, which also stops loops back through the gateway. A refused remote domain is
 * {@code policy-violation} / 403 (RFC 7247 Table 2 maps one to the other). Reads only the in-memory snapshot.
 */
public final class RoutePolicy {

    private final Supplier<Optional<AllowListSnapshot>> allowList;
    private final FederationConfig.Mode mode;

    /** @param allowList the allow list in effect (the live one's snapshot), present once the store has started */
    public RoutePolicy(Supplier<Optional<AllowListSnapshot>> allowList, FederationConfig.Mode mode) {
        this.allowList = Objects.requireNonNull(allowList, "allowList");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** Why messages to or from users of {@code remoteDomain} are refused; empty when they may pass. */
    public Optional<Rejection> refusal(String remoteDomain) {
        Optional<AllowListSnapshot> list = allowList.get();
        if (list.isEmpty()) {
            return Optional.of(new Rejection(StanzaErrorCondition.SERVICE_UNAVAILABLE, 503,
                    "the allow list is not loaded yet"));
        }
        DomainName.Parsed parsed = DomainName.parse(remoteDomain);
        if (parsed instanceof DomainName.Parsed.Invalid invalid) {
            return Optional.of(new Rejection(StanzaErrorCondition.JID_MALFORMED, 400,
                    "'" + remoteDomain + "' is not a domain name (" + invalid.reason() + ")"));
        }
        FederationDecision decision = list.get().decide(mode, ((DomainName.Parsed.Valid) parsed).name());
        if (decision instanceof FederationDecision.Refused refused) {
            return Optional.of(new Rejection(StanzaErrorCondition.POLICY_VIOLATION, 403,
                    refused.explanation()));
        }
        return Optional.empty();
    }
}
