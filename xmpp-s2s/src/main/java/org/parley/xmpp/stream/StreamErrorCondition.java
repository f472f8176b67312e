package org.parley.xmpp.stream;

import java.util.Arrays;
import java.util.Optional;

/**
 * The defined stream error conditions of RFC 6120 §4.9.3, each with its element name in the
 * {@code urn:ietf:params:xml:ns:xmpp-streams} namespace and its section.
 */
public enum StreamErrorCondition {
    BAD_FORMAT("bad-format", "4.9.3.1"),
    BAD_NAMESPACE_PREFIX("bad-namespace-prefix", "4.9.3.2"),
    CONFLICT("conflict", "4.9.3.3"),
    CONNECTION_TIMEOUT("connection-timeout", "4.9.3.4"),
    HOST_GONE("host-gone", "4.9.3.5"),
    HOST_UNKNOWN("host-unknown", "4.9.3.6"),
    IMPROPER_ADDRESSING("improper-addressing", "4.9.3.7"),
    INTERNAL_SERVER_ERROR("internal-server-error", "4.9.3.8"),
    INVALID_FROM("invalid-from", "4.9.3.9"),
    INVALID_NAMESPACE("invalid-namespace", "4.9.3.10"),
    INVALID_XML("invalid-xml", "4.9.3.11"),
    NOT_AUTHORIZED("not-authorized", "4.9.3.12"),
    NOT_WELL_FORMED("not-well-formed", "4.9.3.13"),
    POLICY_VIOLATION("policy-violation", "4.9.3.14"),
    REMOTE_CONNECTION_FAILED("remote-connection-failed", "4.9.3.15"),
    RESET("reset", "4.9.3.16"),
    RESOURCE_CONSTRAINT("resource-constraint", "4.9.3.17"),
    RESTRICTED_XML("restricted-xml", "4.9.3.18"),
    SEE_OTHER_HOST("see-other-host", "4.9.3.19"),
    SYSTEM_SHUTDOWN("system-shutdown", "4.9.3.20"),
    UNDEFINED_CONDITION("undefined-condition", "4.9.3.21"),
    UNSUPPORTED_ENCODING("unsupported-encoding", "4.9.3.22"),
    UNSUPPORTED_FEATURE("unsupported-feature", "4.9.3.23"),
    UNSUPPORTED_STANZA_TYPE("unsupported-stanza-type", "4.9.3.24"),
    UNSUPPORTED_VERSION("unsupported-version", "4.9.3.25");

    private final String elementName;
    private final String section;

    StreamErrorCondition(String elementName, String section) {
        this.elementName = elementName;
        this.section = section;
    }

    /** The local name of the condition element, e.g. {@code not-well-formed}. */
    public String elementName() {
        return elementName;
    }

    /** The RFC 6120 section defining the condition, e.g. {@code 4.9.3.13}. */
    public String section() {
        return section;
    }

    /** The condition whose element is named {@code elementName}. */
    public static Optional<StreamErrorCondition> fromElementName(String elementName) {
        return Arrays.stream(values()).filter(c -> c.elementName.equals(elementName)).findFirst();
    }
}
