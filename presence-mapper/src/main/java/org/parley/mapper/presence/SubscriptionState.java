package org.parley.mapper.presence;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaError;
import org.parley.mapper.error.StanzaErrorCondition;

/**
 * The value of a {@code Subscription-State} header (RFC 6665 §8.4): substate and the {@code reason},
 * {@code expires} and {@code retry-after} parameters; other parameters are ignored. An unknown reason reads as
 * none, which RFC 6665 §4.1.3 treats alike; an unknown substate is kept as {@link Substate#EXTENSION}.
 */
public record SubscriptionState(Substate substate, Optional<TerminationReason> reason, OptionalLong expires,
                                OptionalLong retryAfter) {

    /** The substate (RFC 6665 §4.1.3). */
    public enum Substate {
        /** The subscription is accepted and notifications flow. */
        ACTIVE,
        /** Received but not yet authorized (RFC 3856 §6.6: "neutral" for the watcher). */
        PENDING,
        /** The subscription is over; see the reason. */
        TERMINATED,
        /** A substate this gateway does not know (an {@code extension-substate}); read only, never written. */
        EXTENSION
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9.!%*_+`'~-]+");
    private static final Pattern DELTA_SECONDS = Pattern.compile("[0-9]{1,10}");

    /** Requires a reason only with {@link Substate#TERMINATED} and non-negative durations. */
    public SubscriptionState {
        Objects.requireNonNull(substate, "substate");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (reason.isPresent() && substate != Substate.TERMINATED) {
            throw new IllegalArgumentException("a reason belongs to terminated only");
        }
        if (expires.orElse(0) < 0 || retryAfter.orElse(0) < 0) {
            throw new IllegalArgumentException("durations are non-negative");
        }
    }

    /** {@code active;expires=N}. */
    public static SubscriptionState active(long expiresSeconds) {
        return new SubscriptionState(Substate.ACTIVE, Optional.empty(), OptionalLong.of(expiresSeconds),
                OptionalLong.empty());
    }

    /** {@code pending;expires=N}. */
    public static SubscriptionState pending(long expiresSeconds) {
        return new SubscriptionState(Substate.PENDING, Optional.empty(), OptionalLong.of(expiresSeconds),
                OptionalLong.empty());
    }

    /** {@code terminated;reason=R}. */
    public static SubscriptionState terminated(TerminationReason reason) {
        return new SubscriptionState(Substate.TERMINATED, Optional.of(reason), OptionalLong.empty(),
                OptionalLong.empty());
    }

    /**
     * The termination that tells a SIP watcher an XMPP presence error ended its subscription: an {@code auth}
     * error → {@code rejected} (do not retry), {@code wait} → {@code probation} (retry later), {@code cancel} or
     * {@code modify} → {@code noresource} (nothing to watch).
     */
    public static SubscriptionState terminatedBy(StanzaError error) {
        TerminationReason reason = switch (error.type()) {
            case AUTH -> TerminationReason.REJECTED;
            case WAIT -> TerminationReason.PROBATION;
            case CANCEL, MODIFY, CONTINUE -> TerminationReason.NORESOURCE;
        };
        return terminated(reason);
    }

    /**
     * Parses a header value such as {@code terminated;reason=rejected} or {@code active;expires=499}. Rejects
     * (bad-request / 400) a value without substate, a malformed parameter, or a non-numeric duration.
     */
    public static MappingResult<SubscriptionState> parse(String value) {
        String[] parts = value.split(";", -1);
        String substateText = parts[0].strip();
        if (!TOKEN.matcher(substateText).matches()) {
            return malformed(value, "no substate");
        }
        Substate substate = switch (substateText.toLowerCase(Locale.ROOT)) {
            case "active" -> Substate.ACTIVE;
            case "pending" -> Substate.PENDING;
            case "terminated" -> Substate.TERMINATED;
            default -> Substate.EXTENSION;
        };
        Optional<TerminationReason> reason = Optional.empty();
        OptionalLong expires = OptionalLong.empty();
        OptionalLong retryAfter = OptionalLong.empty();
        for (int i = 1; i < parts.length; i++) {
            String param = parts[i].strip();
            int eq = param.indexOf('=');
            String name = (eq < 0 ? param : param.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
            String paramValue = eq < 0 ? "" : param.substring(eq + 1).strip();
            if (!TOKEN.matcher(name).matches()) {
                return malformed(value, "bad parameter '" + param + "'");
            }
            switch (name) {
                case "reason" -> reason = TerminationReason.fromWire(paramValue);
                case "expires", "retry-after" -> {
                    if (!DELTA_SECONDS.matcher(paramValue).matches()) {
                        return malformed(value, name + " is not delta-seconds");
                    }
                    OptionalLong seconds = OptionalLong.of(Long.parseLong(paramValue));
                    if (name.equals("expires")) {
                        expires = seconds;
                    } else {
                        retryAfter = seconds;
                    }
                }
                default -> {
                    // generic-param: ignored (RFC 6665 §8.4)
                }
            }
        }
        return MappingResult.mapped(new SubscriptionState(substate,
                substate == Substate.TERMINATED ? reason : Optional.empty(), expires, retryAfter));
    }

    /**
     * The header value, e.g. {@code terminated;reason=rejected}.
     *
     * @throws IllegalStateException for {@link Substate#EXTENSION}, which is only ever read
     */
    public String toHeaderValue() {
        if (substate == Substate.EXTENSION) {
            throw new IllegalStateException("an unknown substate cannot be written");
        }
        StringBuilder header = new StringBuilder(substate.name().toLowerCase(Locale.ROOT));
        reason.ifPresent(r -> header.append(";reason=").append(r.wire()));
        expires.ifPresent(seconds -> header.append(";expires=").append(seconds));
        retryAfter.ifPresent(seconds -> header.append(";retry-after=").append(seconds));
        return header.toString();
    }

    private static MappingResult<SubscriptionState> malformed(String value, String why) {
        return MappingResult.rejected(new Rejection(StanzaErrorCondition.BAD_REQUEST, 400,
                "Subscription-State '" + value + "': " + why));
    }
}
