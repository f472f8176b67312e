package org.parley.mapper.address;

import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;

/**
 * A SIP user address as the gateway needs it: {@code sip:user@host} with an optional public GRUU
 * ({@code ;gr=value}, RFC 5627). {@code user} and {@code gruu} are held percent-decoded (any Unicode), the host
 * normalised (IDNA A-labels, lower case). {@link #toUri()} percent-encodes per RFC 3261.
 *
 * <p>Not a general SIP URI: ports, other URI parameters ({@code transport}, {@code user=phone}, …) and headers
 * are not part of a user's address and are dropped by {@link #parse(String)}.
 */
public record SipAddress(SipScheme scheme, String user, String host, Optional<String> gruu) {

    /** Validates the parts and normalises the host; throws {@link IllegalArgumentException} when invalid. */
    public SipAddress {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(gruu, "gruu");
        if (user.isEmpty() || !JidParts.isWellFormed(user)) {
            throw new IllegalArgumentException("SIP user must be non-empty, well-formed Unicode");
        }
        if (gruu.isPresent() && (gruu.get().isEmpty() || !JidParts.isWellFormed(gruu.get()))) {
            throw new IllegalArgumentException("gr parameter value must be non-empty, well-formed Unicode");
        }
        host = DomainNames.normalizeOrThrow(host);
    }

    /** {@code sip:user@host} without GRUU. */
    public static SipAddress of(String user, String host) {
        return new SipAddress(SipScheme.SIP, user, host, Optional.empty());
    }

    /**
     * Parses a SIP or SIPS URI (RFC 3261 §19.1, addr-spec form without angle brackets). Rejections:
     * unknown scheme → not-acceptable / 416; no user part → item-not-found / 484; temporary GRUU ({@code ;gr}
     * without value) → item-not-found / 404; anything malformed (bad escapes, non-UTF-8, characters outside the
     * RFC 3261 {@code user} or {@code paramchar} sets, a password, an IP host) → jid-malformed / 400.
     */
    public static MappingResult<SipAddress> parse(String uri) {
        return SipUriParser.parse(uri);
    }

    /** This address without its GRUU: the address of record. */
    public SipAddress withoutGruu() {
        return gruu.isEmpty() ? this : new SipAddress(scheme, user, host, Optional.empty());
    }

    /** This address with {@code gruu} as its {@code gr} parameter. */
    public SipAddress withGruu(String gruu) {
        return new SipAddress(scheme, user, host, Optional.of(gruu));
    }

    /**
     * The URI text: {@code scheme:user@host[;gr=value]}, user and value percent-encoded where RFC 3261 requires
     * (upper-case hex; {@code & = + $ , ; ? /} stay literal in the user part, as in RFC 7247's {@code sip:m&m@…}).
     */
    public String toUri() {
        return scheme.scheme() + ":" + PercentEncoding.encode(user, PercentEncoding.SIP_USER) + "@" + host
                + gruu.map(g -> ";gr=" + PercentEncoding.encode(g, PercentEncoding.SIP_PARAM)).orElse("");
    }

    /** Same as {@link #toUri()}. */
    @Override
    public String toString() {
        return toUri();
    }
}
