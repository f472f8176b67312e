package org.parley.mapper.address;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;

/**
 * Maps user addresses between SIP and XMPP for a gateway serving given local SIP and XMPP domains (RFC 7247 §6;
 * rules and examples in the package documentation). Immutable and thread-safe.
 */
public final class AddressMapper {

    private final Set<String> localSipDomains;
    private final Set<String> localXmppDomains;

    /**
     * @param localSipDomains  the SIP domains behind the edge whose users the gateway federates
     * @param localXmppDomains the XMPP domains the gateway serves on server-to-server links
     * @throws IllegalArgumentException if a name is not a valid domain name
     */
    public AddressMapper(Set<String> localSipDomains, Set<String> localXmppDomains) {
        this.localSipDomains = normalised(localSipDomains);
        this.localXmppDomains = normalised(localXmppDomains);
    }

    private static Set<String> normalised(Set<String> domains) {
        return domains.stream().map(DomainNames::normalizeOrThrow).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * SIP → XMPP (RFC 7247 §6.4): {@code sip:user@domain[;gr=g]} → {@code localpart@domain[/g]}.
     * A {@code sips:} address is never translated (RFC 7247 §9): not-acceptable / 416.
     */
    public MappingResult<XmppAddress> toXmpp(SipAddress address, Party party) {
        Objects.requireNonNull(address, "address");
        if (address.scheme() == SipScheme.SIPS) {
            return MappingResult.rejected(AddressProblem.UNSUPPORTED_SCHEME.reject(
                    "SIPS URIs are not translated to XMPP: " + address.toUri()));
        }
        // SIP -> XMPP: the local SIP user is the sender, the remote XMPP user the target.
        boolean sender = requireParty(party) == Party.LOCAL_SIP_USER;
        Optional<Rejection> domainProblem = domainProblem(address.host(), party, sender);
        if (domainProblem.isPresent()) {
            return MappingResult.rejected(domainProblem.get());
        }
        Optional<String> resourceProblem = address.gruu().flatMap(JidParts::resourceProblem);
        if (resourceProblem.isPresent()) {
            return MappingResult.rejected(AddressProblem.MALFORMED.reject(
                    "gr value cannot be an XMPP resourcepart: " + resourceProblem.get()));
        }
        return LocalpartMapping.toLocalpart(address.user())
                .map(localpart -> new XmppAddress(localpart, address.host(), address.gruu()));
    }

    /** Parses {@code sipUri} and maps it as {@link #toXmpp(SipAddress, Party)} does. */
    public MappingResult<XmppAddress> toXmpp(String sipUri, Party party) {
        return SipAddress.parse(sipUri).flatMap(address -> toXmpp(address, party));
    }

    /**
     * XMPP → SIP (RFC 7247 §6.5): {@code localpart@domain[/r]} → {@code sip:user@domain[;gr=r]}, always with the
     * {@code sip:} scheme.
     */
    public MappingResult<SipAddress> toSip(XmppAddress address, Party party) {
        Objects.requireNonNull(address, "address");
        // XMPP -> SIP: the remote XMPP user is the sender, the local SIP user the target.
        boolean sender = requireParty(party) == Party.REMOTE_XMPP_USER;
        Optional<Rejection> domainProblem = domainProblem(address.domain(), party, sender);
        if (domainProblem.isPresent()) {
            return MappingResult.rejected(domainProblem.get());
        }
        return LocalpartMapping.toSipUser(address.localpart())
                .map(user -> new SipAddress(SipScheme.SIP, user, address.domain(), address.resource()));
    }

    /** Parses {@code jid} and maps it as {@link #toSip(XmppAddress, Party)} does. */
    public MappingResult<SipAddress> toSip(String jid, Party party) {
        return XmppAddress.parse(jid).flatMap(address -> toSip(address, party));
    }

    /** Whether {@code domain} is both a local SIP and a local XMPP domain, i.e. its SIP users are federated. */
    private boolean isLocalSipUserDomain(String domain) {
        return localSipDomains.contains(domain) && localXmppDomains.contains(domain);
    }

    /** Whether {@code domain} is neither a local SIP nor a local XMPP domain. */
    private boolean isRemoteDomain(String domain) {
        return !localSipDomains.contains(domain) && !localXmppDomains.contains(domain);
    }

    private static Party requireParty(Party party) {
        return Objects.requireNonNull(party, "party");
    }

    /** Why {@code domain} does not fit {@code party}; a misfit sender is forbidden, a misfit target not found. */
    private Optional<Rejection> domainProblem(String domain, Party party, boolean sender) {
        boolean fits = party == Party.LOCAL_SIP_USER ? isLocalSipUserDomain(domain) : isRemoteDomain(domain);
        if (fits) {
            return Optional.empty();
        }
        String what = party == Party.LOCAL_SIP_USER
                ? "is not a local SIP domain federated on XMPP"
                : "is local, not a remote XMPP domain";
        AddressProblem problem = sender ? AddressProblem.SENDER_NOT_ALLOWED : AddressProblem.TARGET_NOT_SERVED;
        return Optional.of(problem.reject("domain '" + domain + "' " + what));
    }
}
