package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTextTest {

    @Test
    void findsTheStartOfATagAndEachAttribute() {
        SourceText text = text("<a>\n  <listen address=\"::1\"  port = '70000'/>\n</a>");

        SourceText.StartTag tag = text.startTagEndingAt(2, 42);

        assertThat(tag.start()).isEqualTo(new Position(2, 3));
        assertThat(tag.attributes()).isEqualTo(Map.of("address", new Position(2, 11), "port", new Position(2, 26)));
    }

    @Test
    void followsTagsOverSeveralLines() {
        SourceText text = text("<a>\r\n  <tls mode=\"required\"\r\n       key=\"k.pem\">\r\n</a>");

        SourceText.StartTag tag = text.startTagEndingAt(3, 20);

        assertThat(tag.start()).isEqualTo(new Position(2, 3));
        assertThat(tag.attributes()).containsEntry("mode", new Position(2, 8)).containsEntry("key", new Position(3, 8));
    }

    @Test
    void isNotMisledByMarkupCharactersInValues() {
        SourceText text = text("<store url=\"jdbc:x;a=b\" password='p>w\"d' user=\"sa\">");

        SourceText.StartTag tag = text.startTagEndingAt(1, 52);

        assertThat(tag.start()).isEqualTo(new Position(1, 1));
        assertThat(tag.attributes()).containsOnlyKeys("url", "password", "user")
                .containsEntry("user", new Position(1, 42));
    }

    @Test
    void ignoresAByteOrderMark() {
        SourceText text = SourceText.decode("\uFEFF<a b=\"1\">".getBytes(StandardCharsets.UTF_8), "UTF-8");

        assertThat(text.startTagEndingAt(1, 10).attributes()).containsEntry("b", new Position(1, 4));
    }

    @Test
    void fallsBackToTheGivenPositionOutsideTheText() {
        SourceText text = text("<a/>");

        assertThat(text.startTagEndingAt(7, 3)).isEqualTo(new SourceText.StartTag(new Position(7, 3), Map.of()));
    }

    private static SourceText text(String content) {
        return SourceText.decode(content.getBytes(StandardCharsets.UTF_8), null);
    }
}
