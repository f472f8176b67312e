package org.parley.mapper.error;

import java.util.Optional;

/**
 * The 22 defined stanza error conditions of RFC 6120 §8.3.3 (namespace
 * {@code urn:ietf:params:xml:ns:xmpp-stanzas}), each with the error type that section says it SHOULD carry.
 *
 * <p>Where §8.3.3 allows two types the first one named is the default here ({@code feature-not-implemented}:
 * "cancel" or "modify" → cancel; {@code policy-violation}: "modify" or "wait" → modify;
 * {@code unexpected-request}: "wait" or "modify" → wait). {@code undefined-condition} may carry any type;
 * {@link StanzaErrorType#CANCEL} is chosen as its default.
 */
public enum StanzaErrorCondition {
    /** §8.3.3.1: the stanza does not conform to the schema or cannot be processed. */
    BAD_REQUEST("bad-request", StanzaErrorType.MODIFY),
    /** §8.3.3.2: a resource or session with the same name or address exists. */
    CONFLICT("conflict", StanzaErrorType.CANCEL),
    /** §8.3.3.3: the feature is not implemented by the recipient or an intermediate server. */
    FEATURE_NOT_IMPLEMENTED("feature-not-implemented", StanzaErrorType.CANCEL),
    /** §8.3.3.4: the requester lacks the permissions (authorization). */
    FORBIDDEN("forbidden", StanzaErrorType.AUTH),
    /** §8.3.3.5: the recipient can no longer be contacted at this address; may name the new address. */
    GONE("gone", StanzaErrorType.CANCEL),
    /** §8.3.3.6: misconfiguration or other internal error. */
    INTERNAL_SERVER_ERROR("internal-server-error", StanzaErrorType.CANCEL),
    /** §8.3.3.7: the addressed JID or item cannot be found. */
    ITEM_NOT_FOUND("item-not-found", StanzaErrorType.CANCEL),
    /** §8.3.3.8: an address violates RFC 7622. */
    JID_MALFORMED("jid-malformed", StanzaErrorType.MODIFY),
    /** §8.3.3.9: the request does not meet the recipient's criteria. */
    NOT_ACCEPTABLE("not-acceptable", StanzaErrorType.MODIFY),
    /** §8.3.3.10: no entity is allowed to perform the action. */
    NOT_ALLOWED("not-allowed", StanzaErrorType.CANCEL),
    /** §8.3.3.11: credentials are missing or improper (authentication). */
    NOT_AUTHORIZED("not-authorized", StanzaErrorType.AUTH),
    /** §8.3.3.12: a local service policy was violated. */
    POLICY_VIOLATION("policy-violation", StanzaErrorType.MODIFY),
    /** §8.3.3.13: the recipient is temporarily unavailable. */
    RECIPIENT_UNAVAILABLE("recipient-unavailable", StanzaErrorType.WAIT),
    /** §8.3.3.14: the recipient is redirecting to another address (usually named). */
    REDIRECT("redirect", StanzaErrorType.MODIFY),
    /** §8.3.3.15: prior registration is needed. */
    REGISTRATION_REQUIRED("registration-required", StanzaErrorType.AUTH),
    /** §8.3.3.16: the remote server does not exist or cannot be resolved. */
    REMOTE_SERVER_NOT_FOUND("remote-server-not-found", StanzaErrorType.CANCEL),
    /** §8.3.3.17: the remote server was resolved but could not be reached in time. */
    REMOTE_SERVER_TIMEOUT("remote-server-timeout", StanzaErrorType.WAIT),
    /** §8.3.3.18: the server or recipient is busy or lacks resources. */
    RESOURCE_CONSTRAINT("resource-constraint", StanzaErrorType.WAIT),
    /** §8.3.3.19: the service is not provided. */
    SERVICE_UNAVAILABLE("service-unavailable", StanzaErrorType.CANCEL),
    /** §8.3.3.20: a prior subscription is needed. */
    SUBSCRIPTION_REQUIRED("subscription-required", StanzaErrorType.AUTH),
    /** §8.3.3.21: none of the other conditions; used with an application-specific condition. */
    UNDEFINED_CONDITION("undefined-condition", StanzaErrorType.CANCEL),
    /** §8.3.3.22: the request was understood but not expected at this time. */
    UNEXPECTED_REQUEST("unexpected-request", StanzaErrorType.WAIT);

    private final String elementName;
    private final StanzaErrorType defaultType;

    StanzaErrorCondition(String elementName, StanzaErrorType defaultType) {
        this.elementName = elementName;
        this.defaultType = defaultType;
    }

    /** The local name of the condition element, e.g. {@code "jid-malformed"}. */
    public String elementName() {
        return elementName;
    }

    /** The error type RFC 6120 §8.3.3 says this condition SHOULD carry. */
    public StanzaErrorType defaultType() {
        return defaultType;
    }

    /** The condition whose element is named {@code elementName}, or empty for an undefined name. */
    public static Optional<StanzaErrorCondition> fromElementName(String elementName) {
        for (StanzaErrorCondition condition : values()) {
            if (condition.elementName.equals(elementName)) {
                return Optional.of(condition);
            }
        }
        return Optional.empty();
    }
}
