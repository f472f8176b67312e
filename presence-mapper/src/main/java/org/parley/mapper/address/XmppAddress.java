package org.parley.mapper.address;

import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;

/**
 * The JID of a user, {@code localpart@domainpart[/resourcepart]} (RFC 7622). The localpart is held in its wire
 * form, i.e. XEP-0106-escaped ({@code d\27artagnan}); the domain is normalised (IDNA A-labels, lower case, no
 * trailing dot). The gateway maps user addresses only, so a localpart is required.
 *
 * <p>The canonical constructor throws {@link IllegalArgumentException} for invalid parts (programmer error);
 * {@link #parse(String)} returns a rejection value for input from the network.
 */
public record XmppAddress(String localpart, String domain, Optional<String> resource) {

    /** Validates the parts (RFC 7622 basic rules, see the package documentation) and normalises the domain. */
    public XmppAddress {
        Objects.requireNonNull(localpart, "localpart");
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(resource, "resource");
        JidParts.localpartProblem(localpart).ifPresent(XmppAddress::invalid);
        resource.flatMap(JidParts::resourceProblem).ifPresent(XmppAddress::invalid);
        domain = DomainNames.normalizeOrThrow(domain);
    }

    /** The bare JID {@code localpart@domain}. */
    public static XmppAddress of(String localpart, String domain) {
        return new XmppAddress(localpart, domain, Optional.empty());
    }

    /**
     * Parses a JID string (RFC 7622 §3.1): the resourcepart follows the first {@code /}; before it, exactly one
     * {@code @} separates localpart and domainpart. Rejects with jid-malformed / 400 when malformed, and with
     * item-not-found / 484 when there is no localpart (a server, not a user).
     */
    public static MappingResult<XmppAddress> parse(String jid) {
        int slash = jid.indexOf('/');
        String bare = slash < 0 ? jid : jid.substring(0, slash);
        Optional<String> resource = slash < 0 ? Optional.empty() : Optional.of(jid.substring(slash + 1));
        int at = bare.indexOf('@');
        if (at < 0) {
            return MappingResult.rejected(AddressProblem.NO_USER.reject("JID '" + jid + "' has no localpart"));
        }
        if (bare.indexOf('@', at + 1) >= 0) {
            return malformed(jid, "more than one '@' before the resourcepart");
        }
        String localpart = bare.substring(0, at);
        Optional<String> problem = JidParts.localpartProblem(localpart)
                .or(() -> resource.flatMap(JidParts::resourceProblem));
        if (problem.isPresent()) {
            return malformed(jid, problem.get());
        }
        return DomainNames.normalize(bare.substring(at + 1))
                .map(domain -> new XmppAddress(localpart, domain, resource));
    }

    /** This JID without its resourcepart. */
    public XmppAddress bare() {
        return resource.isEmpty() ? this : new XmppAddress(localpart, domain, Optional.empty());
    }

    /** This JID with {@code resource} as its resourcepart. */
    public XmppAddress withResource(String resource) {
        return new XmppAddress(localpart, domain, Optional.of(resource));
    }

    /** Whether this is a full JID (has a resourcepart). */
    public boolean isFull() {
        return resource.isPresent();
    }

    /** {@code localpart@domain[/resource]} as sent on the wire. */
    @Override
    public String toString() {
        return localpart + "@" + domain + resource.map(r -> "/" + r).orElse("");
    }

    private static MappingResult<XmppAddress> malformed(String jid, String why) {
        return MappingResult.rejected(AddressProblem.MALFORMED.reject("JID '" + jid + "': " + why));
    }

    private static void invalid(String problem) {
        throw new IllegalArgumentException(problem);
    }
}
