package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class StreamErrorTest {

    /** RFC 6120 §4.9.3, one line per defined condition. */
    @ParameterizedTest(name = "{0} is <{1}/> (§{2})")
    @CsvSource({
        "BAD_FORMAT, bad-format, 4.9.3.1",
        "BAD_NAMESPACE_PREFIX, bad-namespace-prefix, 4.9.3.2",
        "CONFLICT, conflict, 4.9.3.3",
        "CONNECTION_TIMEOUT, connection-timeout, 4.9.3.4",
        "HOST_GONE, host-gone, 4.9.3.5",
        "HOST_UNKNOWN, host-unknown, 4.9.3.6",
        "IMPROPER_ADDRESSING, improper-addressing, 4.9.3.7",
        "INTERNAL_SERVER_ERROR, internal-server-error, 4.9.3.8",
        "INVALID_FROM, invalid-from, 4.9.3.9",
        "INVALID_NAMESPACE, invalid-namespace, 4.9.3.10",
        "INVALID_XML, invalid-xml, 4.9.3.11",
        "NOT_AUTHORIZED, not-authorized, 4.9.3.12",
        "NOT_WELL_FORMED, not-well-formed, 4.9.3.13",
        "POLICY_VIOLATION, policy-violation, 4.9.3.14",
        "REMOTE_CONNECTION_FAILED, remote-connection-failed, 4.9.3.15",
        "RESET, reset, 4.9.3.16",
        "RESOURCE_CONSTRAINT, resource-constraint, 4.9.3.17",
        "RESTRICTED_XML, restricted-xml, 4.9.3.18",
        "SEE_OTHER_HOST, see-other-host, 4.9.3.19",
        "SYSTEM_SHUTDOWN, system-shutdown, 4.9.3.20",
        "UNDEFINED_CONDITION, undefined-condition, 4.9.3.21",
        "UNSUPPORTED_ENCODING, unsupported-encoding, 4.9.3.22",
        "UNSUPPORTED_FEATURE, unsupported-feature, 4.9.3.23",
        "UNSUPPORTED_STANZA_TYPE, unsupported-stanza-type, 4.9.3.24",
        "UNSUPPORTED_VERSION, unsupported-version, 4.9.3.25",
    })
    void namesEveryDefinedCondition(StreamErrorCondition condition, String elementName, String section) {
        assertThat(condition.elementName()).isEqualTo(elementName);
        assertThat(condition.section()).isEqualTo(section);
        assertThat(StreamErrorCondition.fromElementName(elementName)).contains(condition);
    }

    @Test
    void definesExactlyTheTwentyFiveConditionsOfRfc6120() {
        assertThat(StreamErrorCondition.values()).hasSize(25);
    }

    @ParameterizedTest
    @EnumSource(StreamErrorCondition.class)
    void readsBackItsOwnElement(StreamErrorCondition condition) {
        StreamError error = new StreamError(condition, "detail");
        assertThat(StreamError.fromElement(error.toElement())).contains(error);
        assertThat(StreamError.fromElement(StreamError.of(condition).toElement())).contains(StreamError.of(condition));
    }

    @Test
    void readsUnknownConditionAsUndefined() {
        XmlElement error = XmlElement.builder(XmppNamespaces.STREAMS, "error")
                .child(XmlElement.builder(XmppNamespaces.STREAM_ERRORS, "made-up").build()).build();
        assertThat(StreamError.fromElement(error)).contains(StreamError.of(StreamErrorCondition.UNDEFINED_CONDITION));
        assertThat(StreamError.fromElement(XmlElement.builder(XmppNamespaces.SERVER, "message").build())).isEmpty();
    }
}
