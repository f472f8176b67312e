package org.parley.mapper.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 3261 §20.1 media ranges of a watcher's Accept → the NOTIFY body (RFC 3856 §6.7, [MS-PRES]). */
class AcceptNegotiationTest {

    @Test
    void choosesPidfWithoutAccept() {
        assertThat(AcceptNegotiation.choose(List.of())).contains(NotifyBodyType.PIDF);
    }

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            application/pidf+xml                                                      | PIDF
            APPLICATION/PIDF+XML                                                      | PIDF
            application/msrtc-event-categories+xml                                    | MS_CATEGORIES
            application/msrtc-event-categories+xml, application/rlmi+xml, multipart/related | MS_CATEGORIES
            application/msrtc-event-categories+xml;q=1, application/pidf+xml;q=0.2   | PIDF
            application/pidf+xml, application/msrtc-event-categories+xml              | PIDF
            application/xpidf+xml, text/xml+msrtc.pidf, application/pidf+xml          | PIDF
            */*                                                                       | PIDF
            application/*                                                             | PIDF
            application/pidf+xml;q=0, application/msrtc-event-categories+xml          | MS_CATEGORIES
            application/pidf+xml;q=0.0, */*;q=0                                        | NONE
            application/xpidf+xml                                                     | NONE
            text/xml+msrtc.pidf                                                       | NONE
            text/*                                                                    | NONE
            not a media type, application/msrtc-event-categories+xml                  | MS_CATEGORIES
            """)
    void choosesByTheAcceptedRanges(String accept, String expected) {
        assertThat(AcceptNegotiation.choose(List.of(accept)).map(Enum::name).orElse("NONE")).isEqualTo(expected);
    }

    @Test
    void readsRangesSpreadOverSeveralHeaderFields() {
        assertThat(AcceptNegotiation.choose(Arrays.asList("application/rlmi+xml",
                "application/msrtc-event-categories+xml"))).contains(NotifyBodyType.MS_CATEGORIES);
    }

    @Test
    void acceptsNothingFromAnEmptyAcceptHeader() {
        assertThat(AcceptNegotiation.choose(List.of(""))).isEmpty();
    }

    @Test
    void namesEachTypeByItsMediaType() {
        for (NotifyBodyType type : NotifyBodyType.values()) {
            assertThat(NotifyBodyType.fromMediaType(" " + type.mediaType().toUpperCase() + " ")).contains(type);
        }
        assertThat(NotifyBodyType.fromMediaType("text/plain")).isEmpty();
    }
}
