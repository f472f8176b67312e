package org.parley.gateway.xmpp;

import org.parley.gateway.allowlist.AllowList;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.DomainPolicy;
import org.parley.gateway.allowlist.FederationDecision;
import org.parley.gateway.config.FederationConfig;
import org.parley.xmpp.s2s.AuthRequirement;
import org.parley.xmpp.s2s.PeerDecision;
import org.parley.xmpp.s2s.PeerPolicy;
import org.parley.xmpp.s2s.TlsRequirement;

/**
 * The s2s {@link PeerPolicy} answered from the live {@link AllowList} under the configured federation mode:
 * refused domains (not listed, disabled, not a domain name) are refused before TLS; permitted ones carry their
 * TLS and authentication requirements and host/port override. Reads only the in-memory snapshot, so it is safe
 * on Netty event loops, and sees store changes as soon as the allow list polls them.
 */
public final class AllowListPeerPolicy implements PeerPolicy {

    private final AllowList allowList;
    private final FederationConfig.Mode mode;

    public AllowListPeerPolicy(AllowList allowList, FederationConfig.Mode mode) {
        this.allowList = allowList;
        this.mode = mode;
    }

    @Override
    public PeerDecision decide(String remoteDomain) {
        DomainName.Parsed parsed = DomainName.parse(remoteDomain);
        if (parsed instanceof DomainName.Parsed.Invalid invalid) {
            return new PeerDecision.Refused(remoteDomain, "is not a valid domain name (" + invalid.reason() + ")");
        }
        DomainName domain = ((DomainName.Parsed.Valid) parsed).name();
        FederationDecision decision = allowList.decide(mode, domain);
        if (decision instanceof FederationDecision.Refused refused) {
            return new PeerDecision.Refused(domain.value(), refused.explanation());
        }
        DomainPolicy policy = ((FederationDecision.Permitted) decision).policy();
        return new PeerDecision.Permitted(domain.value(), TlsRequirement.valueOf(policy.tls().name()),
                AuthRequirement.valueOf(policy.auth().name()), policy.host(), policy.port());
    }
}
