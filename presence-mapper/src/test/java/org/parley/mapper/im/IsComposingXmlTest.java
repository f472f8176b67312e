package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.error.StanzaErrorCondition;

/** RFC 3994 §4 documents, written and read safely. */
class IsComposingXmlTest {

    @Test
    void writesAndReadsBackAnActiveIndicationWithRefresh() {
        IsComposing active = IsComposing.active(Duration.ofSeconds(90));
        String xml = new String(IsComposingXml.write(active), StandardCharsets.UTF_8);
        assertThat(xml).contains("<state>active</state>", "<refresh>90</refresh>",
                "xmlns=\"urn:ietf:params:xml:ns:im-iscomposing\"");
        assertThat(IsComposingXml.read(xml.getBytes(StandardCharsets.UTF_8)).orElseThrow()).isEqualTo(active);
    }

    @Test
    void writesIdleWithoutRefresh() {
        String xml = new String(IsComposingXml.write(IsComposing.idle()), StandardCharsets.UTF_8);
        assertThat(xml).contains("<state>idle</state>").doesNotContain("refresh");
    }

    /** RFC 3994 §4 example, with the schemaLocation and lastactive a real UA sends. */
    @Test
    void readsTheRfcExample() {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"
                  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                  xsi:schemaLocation="urn:ietf:params:xml:ns:im-composing iscomposing.xsd">
                  <state>idle</state>
                  <lastactive>2003-01-27T10:43:00Z</lastactive>
                  <contenttype>audio</contenttype>
                  <ext:x xmlns:ext="urn:example:ext"><ext:y/></ext:x>
                </isComposing>
                """;
        assertThat(read(xml).orElseThrow())
                .isEqualTo(new IsComposing(IsComposing.State.IDLE, Optional.empty(), Optional.of("audio")));
    }

    @Test
    void refusesExternalEntitiesAndDocumentTypes() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE isComposing [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <isComposing xmlns="urn:ietf:params:xml:ns:im-iscomposing"><state>&x;</state></isComposing>
                """;
        assertBadRequest(read(xxe));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'/>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>typing</state></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state><refresh>0</refresh></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>active</state><refresh>x</refresh></isComposing>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>idle</state><bogus/></isComposing>",
        "<isComposing><state>idle</state></isComposing>",
        "<other xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>idle</state></other>",
        "<isComposing xmlns='urn:ietf:params:xml:ns:im-iscomposing'><state>idle</state>",
        "not xml at all"})
    void refusesInvalidDocumentsAsBadRequest(String xml) {
        assertBadRequest(read(xml));
    }

    private static MappingResult<IsComposing> read(String xml) {
        return IsComposingXml.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertBadRequest(MappingResult<IsComposing> result) {
        assertThat(result).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected -> {
            assertThat(rejected.rejection().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
            assertThat(rejected.rejection().sipStatus()).isEqualTo(400);
        });
    }
}
