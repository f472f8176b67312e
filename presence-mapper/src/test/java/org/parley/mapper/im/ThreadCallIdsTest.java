package org.parley.mapper.im;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.address.XmppAddress;

/** Thread ↔ Call-ID: identity where possible, reversible everywhere, stateless. */
class ThreadCallIdsTest {

    private static final XmppAddress JULIET = XmppAddress.parse("juliet@jabber.example/balcony").orElseThrow();
    private static final XmppAddress ROMEO = XmppAddress.parse("romeo@contoso.test").orElseThrow();

    @ParameterizedTest(name = "thread [{0}] -> Call-ID [{1}]")
    @CsvSource(delimiterString = "->", quoteCharacter = '"', textBlock = """
            29377446-0CBB-4296-8958-590D79094C50 -> 29377446-0CBB-4296-8958-590D79094C50
            a84fa8c4@host.example                -> a84fa8c4@host.example
            e0ffe42b28561960c6b12b944a80b4d1     -> e0ffe42b28561960c6b12b944a80b4d1
            "hello world"                        -> xt~aGVsbG8gd29ybGQ
            a@b@c                                -> xt~YUBiQGM
            thé                                  -> xt~dGjDqQ
            xt~YWJj                              -> xt~YWJj
            """)
    void mapsThreadsToCallIdsAndBack(String thread, String callId) {
        assertThat(ThreadCallIds.callIdFor(thread)).isEqualTo(callId);
        assertThat(ThreadCallIds.toThread(callId)).isEqualTo(MessageThread.of(thread));
    }

    /** Thread ids that look like our own encodings must still come back as themselves. */
    @ParameterizedTest
    @ValueSource(strings = {"xt~aGVsbG8gd29ybGQ", "xt~YUBiQGM", "xt~", "xt~~", "xt~YQ", "xt~YR", "xt~eHR-YUdWc2JHOGdkMjl5YkdR",
            "conv-00112233445566778899aabbccddeeff", "😀", " leading", "tab\there", "a\nb", "ü@ü", "@", "a@", "x"})
    void everyThreadSurvivesTheRoundTrip(String thread) {
        String callId = ThreadCallIds.callIdFor(thread);
        assertThat(ThreadCallIds.isValidCallId(callId)).isTrue();
        assertThat(ThreadCallIds.toThread(callId).id()).isEqualTo(thread);
    }

    /** Call-IDs from SIP user agents, including ones that look like our encodings, come back unchanged. */
    @ParameterizedTest
    @ValueSource(strings = {"9E97FB43-85F4-4A00-8751-1124FD4C7B2E", "abc@10.0.0.1", "xt~aGVsbG8gd29ybGQ",
            "xt~YWJj", "xt~YQ", "xt~YR", "xt~!!", "xt~", "xt~AA", "xt~_-8", "xt~eHR-WVNCaQ",
            "xt~eHR-WVdKag", "a\"b\"<c>:{d}", "conv-deadbeef"})
    void everyCallIdSurvivesTheRoundTrip(String callId) {
        assertThat(ThreadCallIds.callIdFor(ThreadCallIds.toThread(callId).id())).isEqualTo(callId);
    }

    @Test
    void nestedEncodingsUnwrapOneLevelAtATime() {
        String once = ThreadCallIds.callIdFor("a b");
        String twice = ThreadCallIds.callIdFor(once);
        assertThat(twice).isEqualTo("xt~" + b64(once));
        assertThat(ThreadCallIds.toThread(twice).id()).isEqualTo(once);
        assertThat(ThreadCallIds.toThread(once).id()).isEqualTo("a b");
    }

    @Test
    void threadlessMessagesShareOneConversationCallIdInBothDirections() {
        String forward = ThreadCallIds.toCallId(Optional.empty(), JULIET, ROMEO);
        String backward = ThreadCallIds.toCallId(Optional.empty(), ROMEO, JULIET.bare());
        assertThat(forward).isEqualTo(backward).matches("conv-[0-9a-f]{32}");
        assertThat(ThreadCallIds.toCallId(Optional.empty(), JULIET, XmppAddress.of("mercutio", "contoso.test")))
                .isNotEqualTo(forward);
    }

    @Test
    void aThreadWinsOverTheConversation() {
        assertThat(ThreadCallIds.toCallId(Optional.of(MessageThread.of("t1")), JULIET, ROMEO)).isEqualTo("t1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "a@b@c", "@b", "a@", "é", "a;b"})
    void refusesInvalidCallIds(String callId) {
        assertThat(ThreadCallIds.isValidCallId(callId)).isFalse();
        assertThatThrownBy(() -> ThreadCallIds.toThread(callId)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
