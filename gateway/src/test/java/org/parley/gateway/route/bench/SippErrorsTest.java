package org.parley.gateway.route.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SippErrorsTest {

    private static final String LOG = """
            The following events occurred:
            2026-11-21\t18:01:17.614416\t1795284077.614416: Aborting call on unexpected message for Call-Id \
            '193c19cd@127.1.2.3': while expecting '200' (index 3), received 'SIP/2.0 481 Call leg/Transaction does not exist
            CSeq: 1 NOTIFY
            '2026-11-21\t18:01:22.090947\t1795284082.090947: Aborting call on unexpected message for Call-Id \
            '9fa2087d@127.1.2.3': while expecting '200' (index 3), received 'SIP/2.0 408 Request Timeout
            CSeq: 1 NOTIFY
            '2026-11-21\t18:01:23.000001\t1795284083.000001: Dead call a1486dee31cf@127.1.2.3 (aborted at index 3)
            2026-11-21\t18:01:24.000001\t1795284084.000001: Dead call 99025a347dc8@127.1.2.3 (aborted at index 3)
            """;

    @Test
    void countsUnexpectedResponsesByStatusAndEventsByTheirWordsWithoutCallIds() {
        assertThat(SippErrors.summary(LOG).lines().map(String::strip).toList()).containsExactly(
                "sipp errors:",
                "2  Aborting call on unexpected message",
                "2  Dead call",
                "1  unexpected SIP/2.0 408 Request Timeout",
                "1  unexpected SIP/2.0 481 Call leg/Transaction does not exist");
    }

    @Test
    void saysNoneWhenThereAreNoErrors() {
        assertThat(SippErrors.summary("")).isEqualTo("  sipp errors: none");
    }
}
