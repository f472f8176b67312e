package org.parley.mapper.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The {@code <categories>} body written for a Microsoft watcher ([MS-PRES]) and read back by the inbound reader. */
class MsCategoriesWriterTest {

    private final MsCategoriesWriter writer = new MsCategoriesWriter();
    private final MsCategoriesReader reader = new MsCategoriesReader();

    @Test
    void writesAggregateStateAndPersonalNoteInTheirNamespaces() {
        String xml = writer.write(new MsCategories("sip:alice@jabber.test", OptionalLong.of(3500),
                Optional.of("Out to lunch")));

        assertThat(xml)
                .startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<categories xmlns=\"http://schemas.microsoft.com/2006/09/sip/categories\" "
                        + "uri=\"sip:alice@jabber.test\">")
                .contains("<category name=\"state\" instance=\"0\">")
                .containsPattern("<state xmlns=\"http://schemas.microsoft.com/2006/09/sip/state\" "
                        + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"aggregateState\">"
                        + "<availability>3500</availability></state>")
                .contains("<category name=\"note\" instance=\"0\">")
                .contains("<note xmlns=\"http://schemas.microsoft.com/2006/09/sip/note\">"
                        + "<body type=\"personal\" uri=\"\">Out to lunch</body></note>");
    }

    @Test
    void roundTripsThroughTheReaderWithEscapedText() {
        MsCategories categories = new MsCategories("sip:a&b@jabber.test", OptionalLong.of(9500),
                Optional.of("<meeting> & \"calls\""));

        assertThat(reader.read(writer.write(categories)).orElseThrow()).isEqualTo(categories);
    }

    @Test
    void leavesOutTheCategoriesThatHaveNoValue() {
        MsCategories empty = new MsCategories("sip:alice@jabber.test", OptionalLong.empty(), Optional.empty());

        String xml = writer.write(empty);

        assertThat(xml).doesNotContain("<category");
        assertThat(reader.read(xml).orElseThrow()).isEqualTo(empty);
    }
}
