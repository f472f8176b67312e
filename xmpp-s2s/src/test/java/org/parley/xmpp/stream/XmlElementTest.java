package org.parley.xmpp.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class XmlElementTest {

    private static final XmlElement MESSAGE = XmlElement.builder(XmppNamespaces.SERVER, "message")
            .attribute("to", "romeo@contoso.test").attribute(AttributeName.XML_LANG, "en")
            .text("  ")
            .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text("one").build())
            .child(XmlElement.builder(XmppNamespaces.SERVER, "body").text("two").build())
            .child(XmlElement.builder("http://jabber.org/protocol/chatstates", "active").build())
            .text("tail")
            .build();

    @Test
    void looksUpAttributesChildrenAndText() {
        assertThat(MESSAGE.attribute("to")).contains("romeo@contoso.test");
        assertThat(MESSAGE.attribute("from")).isEmpty();
        assertThat(MESSAGE.lang()).contains("en");
        assertThat(MESSAGE.is(XmppNamespaces.SERVER, "message")).isTrue();
        assertThat(MESSAGE.child(XmppNamespaces.SERVER, "body").orElseThrow().text()).isEqualTo("one");
        assertThat(MESSAGE.elements(XmppNamespaces.SERVER, "body")).extracting(XmlElement::text).containsExactly("one", "two");
        assertThat(MESSAGE.child(XmppNamespaces.CLIENT, "body")).isEmpty();
        assertThat(MESSAGE.elements()).hasSize(3);
        assertThat(MESSAGE.text()).isEqualTo("  tail");
    }

    @Test
    void mergesAdjacentTextAndDropsEmptyTextSoEqualInfosetsAreEqual() {
        XmlElement split = new XmlElement("", "a", Map.of(),
                List.of(new XmlText("x"), new XmlText(""), new XmlText("y")));
        XmlElement whole = XmlElement.builder("", "a").text("xy").build();
        assertThat(split).isEqualTo(whole);
        assertThat(split.children()).containsExactly(new XmlText("xy"));
    }

    @Test
    void keepsAttributeOrderAndIsUnmodifiable() {
        XmlElement element = XmlElement.builder("", "a").attribute("z", "1").attribute("a", "2").attribute("m", "3").build();
        assertThat(element.attributes().keySet()).extracting(AttributeName::localName).containsExactly("z", "a", "m");
        assertThatThrownBy(() -> element.attributes().put(AttributeName.of("b"), "x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> element.children().add(new XmlText("x"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void toBuilderCopiesEverything() {
        assertThat(MESSAGE.toBuilder().build()).isEqualTo(MESSAGE);
        assertThat(MESSAGE.toBuilder().attribute("to", "juliet@jabber.test").build().attribute("to"))
                .contains("juliet@jabber.test");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0000", "\u0001", "\ud800", "a\udc00", "\ufffe", "\uffff"})
    void refusesCharactersThatXmlCannotCarry(String bad) {
        assertThatThrownBy(() -> new XmlText(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> XmlElement.builder("", "a").attribute("b", bad).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1a", "a:b", "a b", "-a", ".a"})
    void refusesNamesThatAreNotNcNames(String bad) {
        assertThatThrownBy(() -> XmlElement.builder("", bad).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AttributeName.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNamespaceDeclarationsAsAttributes() {
        assertThatThrownBy(() -> AttributeName.of("xmlns")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AttributeName(XmppNamespaces.XMLNS, "db")).isInstanceOf(IllegalArgumentException.class);
    }
}
