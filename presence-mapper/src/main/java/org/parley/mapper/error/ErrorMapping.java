package org.parley.mapper.error;

import static org.parley.mapper.error.StanzaErrorCondition.BAD_REQUEST;
import static org.parley.mapper.error.StanzaErrorCondition.CONFLICT;
import static org.parley.mapper.error.StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED;
import static org.parley.mapper.error.StanzaErrorCondition.FORBIDDEN;
import static org.parley.mapper.error.StanzaErrorCondition.GONE;
import static org.parley.mapper.error.StanzaErrorCondition.INTERNAL_SERVER_ERROR;
import static org.parley.mapper.error.StanzaErrorCondition.ITEM_NOT_FOUND;
import static org.parley.mapper.error.StanzaErrorCondition.JID_MALFORMED;
import static org.parley.mapper.error.StanzaErrorCondition.NOT_ACCEPTABLE;
import static org.parley.mapper.error.StanzaErrorCondition.NOT_ALLOWED;
import static org.parley.mapper.error.StanzaErrorCondition.NOT_AUTHORIZED;
import static org.parley.mapper.error.StanzaErrorCondition.POLICY_VIOLATION;
import static org.parley.mapper.error.StanzaErrorCondition.RECIPIENT_UNAVAILABLE;
import static org.parley.mapper.error.StanzaErrorCondition.REDIRECT;
import static org.parley.mapper.error.StanzaErrorCondition.REGISTRATION_REQUIRED;
import static org.parley.mapper.error.StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND;
import static org.parley.mapper.error.StanzaErrorCondition.REMOTE_SERVER_TIMEOUT;
import static org.parley.mapper.error.StanzaErrorCondition.RESOURCE_CONSTRAINT;
import static org.parley.mapper.error.StanzaErrorCondition.SERVICE_UNAVAILABLE;
import static org.parley.mapper.error.StanzaErrorCondition.SUBSCRIPTION_REQUIRED;
import static org.parley.mapper.error.StanzaErrorCondition.UNDEFINED_CONDITION;
import static org.parley.mapper.error.StanzaErrorCondition.UNEXPECTED_REQUEST;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * RFC 7247 §7 "Error Mapping" as data: Table 2 (XMPP stanza error condition → SIP response code, §7.1) and
 * Table 3 (SIP response code → XMPP stanza error condition, §7.2), with the notes that pick between the
 * alternatives a row offers.
 *
 * <p>Choices where the RFC leaves one open:
 * <ul>
 *   <li>{@code <service-unavailable/>} ("see note (5)"): 403, because 405 would claim the SIP method is unsupported
 *       and obliges an {@code Allow} header, and 503 is NOT RECOMMENDED.</li>
 *   <li>{@code <unexpected-request/>} ("491 or 400"): 491, the first named; it is exact for out-of-order
 *       negotiation (Jingle tie-break), the only place XMPP commonly uses this condition.</li>
 *   <li>{@code <remote-server-not-found/>} ("404 or 408", note 4): 404 (the server does not exist);
 *       {@link #sipStatusForUnresolvableXmppServer()} gives 408 for a domain the gateway failed to resolve.</li>
 *   <li>Table 3 alternatives (notes 3–5: 403, 404, 408) are not used; the first column is.</li>
 * </ul>
 * SIP codes outside the table map by class (3xx → redirect, 4xx → bad-request, 5xx → internal-server-error,
 * 6xx → recipient-unavailable), as §7.2 says.
 */
public final class ErrorMapping {

    /** SIP codes of one Table 2 row: per addressee (notes 1, 2) and, for {@code <gone/>}, with a new address (note 3). */
    private record SipCodes(int bareJid, int fullJid, int withAlternateAddress) {
        static SipCodes always(int code) {
            return new SipCodes(code, code, code);
        }

        static SipCodes byAddressee(int bareJid, int fullJid) {
            return new SipCodes(bareJid, fullJid, fullJid);
        }
    }

    private static final Map<StanzaErrorCondition, SipCodes> XMPP_TO_SIP = xmppToSip();
    private static final Map<Integer, StanzaErrorCondition> SIP_TO_XMPP = sipToXmpp();

    private ErrorMapping() {
    }

    private static Map<StanzaErrorCondition, SipCodes> xmppToSip() {
        Map<StanzaErrorCondition, SipCodes> table = new EnumMap<>(StanzaErrorCondition.class);
        table.put(BAD_REQUEST, SipCodes.always(400));
        table.put(CONFLICT, SipCodes.always(400));
        table.put(FEATURE_NOT_IMPLEMENTED, SipCodes.byAddressee(501, 405));
        table.put(FORBIDDEN, SipCodes.byAddressee(603, 403));
        table.put(GONE, new SipCodes(410, 410, 301));
        table.put(INTERNAL_SERVER_ERROR, SipCodes.always(500));
        table.put(ITEM_NOT_FOUND, SipCodes.byAddressee(604, 404));
        table.put(JID_MALFORMED, SipCodes.always(400));
        table.put(NOT_ACCEPTABLE, SipCodes.byAddressee(606, 406));
        table.put(NOT_ALLOWED, SipCodes.always(403));
        table.put(NOT_AUTHORIZED, SipCodes.always(401));
        table.put(POLICY_VIOLATION, SipCodes.always(403));
        table.put(RECIPIENT_UNAVAILABLE, SipCodes.byAddressee(600, 480));
        table.put(REDIRECT, SipCodes.always(302));
        table.put(REGISTRATION_REQUIRED, SipCodes.always(407));
        table.put(REMOTE_SERVER_NOT_FOUND, SipCodes.always(404));
        table.put(REMOTE_SERVER_TIMEOUT, SipCodes.always(408));
        table.put(RESOURCE_CONSTRAINT, SipCodes.always(500));
        table.put(SERVICE_UNAVAILABLE, SipCodes.always(403));
        table.put(SUBSCRIPTION_REQUIRED, SipCodes.always(400));
        table.put(UNDEFINED_CONDITION, SipCodes.always(400));
        table.put(UNEXPECTED_REQUEST, SipCodes.always(491));
        if (table.size() != StanzaErrorCondition.values().length) {
            throw new IllegalStateException("Table 2 must have a row for every condition");
        }
        return Collections.unmodifiableMap(table);
    }

    private static Map<Integer, StanzaErrorCondition> sipToXmpp() {
        Map<Integer, StanzaErrorCondition> table = new TreeMap<>();
        table.put(300, REDIRECT);
        table.put(301, GONE);
        table.put(302, REDIRECT);
        table.put(305, REDIRECT);
        table.put(380, NOT_ACCEPTABLE);
        table.put(400, BAD_REQUEST);
        table.put(401, NOT_AUTHORIZED);
        table.put(402, BAD_REQUEST);
        table.put(403, FORBIDDEN);
        table.put(404, ITEM_NOT_FOUND);
        table.put(405, FEATURE_NOT_IMPLEMENTED);
        table.put(406, NOT_ACCEPTABLE);
        table.put(407, REGISTRATION_REQUIRED);
        table.put(408, REMOTE_SERVER_TIMEOUT);
        table.put(410, GONE);
        table.put(413, POLICY_VIOLATION);
        table.put(414, POLICY_VIOLATION);
        table.put(415, NOT_ACCEPTABLE);
        table.put(416, NOT_ACCEPTABLE);
        table.put(420, FEATURE_NOT_IMPLEMENTED);
        table.put(421, NOT_ACCEPTABLE);
        table.put(423, RESOURCE_CONSTRAINT);
        table.put(430, RECIPIENT_UNAVAILABLE);
        table.put(439, FEATURE_NOT_IMPLEMENTED);
        table.put(440, POLICY_VIOLATION);
        table.put(480, RECIPIENT_UNAVAILABLE);
        table.put(481, ITEM_NOT_FOUND);
        table.put(482, NOT_ACCEPTABLE);
        table.put(483, NOT_ACCEPTABLE);
        table.put(484, ITEM_NOT_FOUND);
        table.put(485, ITEM_NOT_FOUND);
        table.put(486, RECIPIENT_UNAVAILABLE);
        table.put(487, RECIPIENT_UNAVAILABLE);
        table.put(488, NOT_ACCEPTABLE);
        table.put(489, POLICY_VIOLATION);
        table.put(491, UNEXPECTED_REQUEST);
        table.put(493, BAD_REQUEST);
        table.put(500, INTERNAL_SERVER_ERROR);
        table.put(501, FEATURE_NOT_IMPLEMENTED);
        table.put(502, REMOTE_SERVER_NOT_FOUND);
        table.put(503, INTERNAL_SERVER_ERROR);
        table.put(504, REMOTE_SERVER_TIMEOUT);
        table.put(505, NOT_ACCEPTABLE);
        table.put(513, POLICY_VIOLATION);
        table.put(600, RECIPIENT_UNAVAILABLE);
        table.put(603, RECIPIENT_UNAVAILABLE);
        table.put(604, ITEM_NOT_FOUND);
        table.put(606, NOT_ACCEPTABLE);
        return Collections.unmodifiableMap(table);
    }

    // ---- XMPP → SIP (Table 2) ----

    /**
     * The SIP response code for an XMPP error about a request addressed to {@code addressee} (Table 2 with notes
     * 1–3): {@code <gone/>} with an alternate address gives 301, without one 410.
     */
    public static int toSipStatus(StanzaError error, Addressee addressee) {
        Objects.requireNonNull(error, "error");
        SipCodes codes = XMPP_TO_SIP.get(error.condition());
        if (error.alternateAddress().isPresent()) {
            return codes.withAlternateAddress();
        }
        return statusFor(codes, addressee);
    }

    /** The SIP response code for a bare condition (no alternate address) about a request to {@code addressee}. */
    public static int toSipStatus(StanzaErrorCondition condition, Addressee addressee) {
        return statusFor(XMPP_TO_SIP.get(Objects.requireNonNull(condition, "condition")), addressee);
    }

    private static int statusFor(SipCodes codes, Addressee addressee) {
        return switch (Objects.requireNonNull(addressee, "addressee")) {
            case BARE_JID -> codes.bareJid();
            case FULL_JID -> codes.fullJid();
        };
    }

    /**
     * 408: the SIP code for {@code <remote-server-not-found/>} when the gateway could not resolve the XMPP domain
     * (Table 2 note 4, case b), as opposed to knowing it does not exist (404).
     */
    public static int sipStatusForUnresolvableXmppServer() {
        return 408;
    }

    // ---- SIP → XMPP (Table 3) ----

    /**
     * The stanza error condition for a final non-2xx SIP response code (Table 3; unlisted codes by class).
     *
     * @throws IllegalArgumentException if {@code sipStatus} is not in 300–699 (1xx and 2xx are not errors)
     */
    public static StanzaErrorCondition toStanzaCondition(int sipStatus) {
        requireErrorStatus(sipStatus);
        StanzaErrorCondition listed = SIP_TO_XMPP.get(sipStatus);
        if (listed != null) {
            return listed;
        }
        return switch (sipStatus / 100) {
            case 3 -> REDIRECT;
            case 4 -> BAD_REQUEST;
            case 5 -> INTERNAL_SERVER_ERROR;
            default -> RECIPIENT_UNAVAILABLE;
        };
    }

    /**
     * The stanza error for a SIP error response: the Table 3 condition with its default type, the Reason-Phrase as
     * {@code <text/>} when given, and {@code alternateAddress} (e.g. from the Contact of a 3xx) only where the
     * condition carries one. A 410 never carries it (Table 3 note 1); a 301 MUST, so callers pass the Contact.
     */
    public static StanzaError toStanzaError(int sipStatus, Optional<String> reasonPhrase,
                                            Optional<String> alternateAddress) {
        StanzaErrorCondition condition = toStanzaCondition(sipStatus);
        boolean keepAddress = StanzaError.carriesAddress(condition) && sipStatus != 410;
        return new StanzaError(condition.defaultType(), condition,
                reasonPhrase.filter(text -> !text.isBlank()),
                keepAddress ? alternateAddress : Optional.empty());
    }

    /** {@code <remote-server-timeout/>}: a SIP transaction toward the edge timed out (no final response). */
    public static StanzaErrorCondition sipTransactionTimeout() {
        return REMOTE_SERVER_TIMEOUT;
    }

    /** The SIP codes Table 3 lists explicitly (excluding the class rows 3xx/4xx/5xx/6xx), in ascending order. */
    public static Set<Integer> listedSipStatuses() {
        return SIP_TO_XMPP.keySet();
    }

    /** Whether {@code sipStatus} is a final error code (300–699) that this mapping accepts. */
    public static boolean isErrorStatus(int sipStatus) {
        return sipStatus >= 300 && sipStatus <= 699;
    }

    private static void requireErrorStatus(int sipStatus) {
        if (!isErrorStatus(sipStatus)) {
            throw new IllegalArgumentException("not a SIP error response code (300-699): " + sipStatus);
        }
    }
}
