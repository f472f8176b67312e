package org.parley.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ChatState;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageThread;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.XmppMessage;
import org.parley.xmpp.stanza.Stanza;

/** s2s message stanzas ↔ the mapper's {@link XmppMessage}: every part read, and written back the same. */
class MessageStanzasTest {

    @Test
    void readsEveryPartTheImMappingUses() {
        Stanza stanza = Stanzas.parse("""
                <message from='juliet@example.com/balcony' to='romeo@example.net' id='m1' type='chat' xml:lang='en'>\
                <subject>Plan</subject><subject xml:lang='cs'>Plán</subject>\
                <body>Art thou not Romeo?</body><body xml:lang='cs'>Nejsi Romeo?</body>\
                <thread parent='p1'>t1</thread>\
                <composing xmlns='http://jabber.org/protocol/chatstates'/>\
                <request xmlns='urn:xmpp:receipts'/>\
                <html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>\
                <p>Art <em>thou</em></p></body></html>\
                <x xmlns='jabber:x:oob'><url>http://example.com</url></x></message>""");

        XmppMessage message = MessageStanzaReader.read(stanza).orElseThrow();

        assertThat(message.from().toString()).isEqualTo("juliet@example.com/balcony");
        assertThat(message.to().toString()).isEqualTo("romeo@example.net");
        assertThat(message.id()).hasValue("m1");
        assertThat(message.type()).isEqualTo(MessageType.CHAT);
        assertThat(message.language()).hasValue("en");
        assertThat(message.subjects()).containsExactly(LocalizedText.of("Plan"), LocalizedText.of("cs", "Plán"));
        assertThat(message.bodies()).containsExactly(LocalizedText.of("Art thou not Romeo?"),
                LocalizedText.of("cs", "Nejsi Romeo?"));
        assertThat(message.thread()).hasValue(new MessageThread("t1", Optional.of("p1")));
        assertThat(message.chatState()).hasValue(ChatState.COMPOSING);
        assertThat(message.receiptRequested()).isTrue();
        assertThat(message.xhtmlBody()).hasValueSatisfying(xhtml ->
                assertThat(xhtml).contains("http://www.w3.org/1999/xhtml").contains("<em>thou</em>"));
    }

    @Test
    void readsAReceiptAndTreatsAnUnknownTypeAsNormal() {
        XmppMessage message = MessageStanzaReader.read(Stanzas.parse(
                "<message from='a@x.test' to='b@y.test' type='bogus'><received xmlns='urn:xmpp:receipts' id='r1'/>"
                        + "</message>")).orElseThrow();

        assertThat(message.type()).isEqualTo(MessageType.NORMAL);
        assertThat(message.receiptFor()).hasValue("r1");
        assertThat(message.bodies()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<message from='a@x.test' to='b@y.test'><body>one</body><body>two</body></message>",
        "<message from='a@x.test' to='b@y.test' xml:lang='en'><body>one</body><body xml:lang='en'>two</body></message>",
        "<message from='a@x.test' to='b@y.test'><subject>one</subject><subject>two</subject></message>"
    })
    void refusesTwoTextsInTheSameLanguageAsBadRequest(String xml) {
        MappingResult<XmppMessage> read = MessageStanzaReader.read(Stanzas.parse(xml));

        assertThat(read).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected ->
                assertThat(rejected.rejection().condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST));
    }

    @Test
    void refusesAMessageToTheBareDomainAsNoUser() {
        MappingResult<XmppMessage> read = MessageStanzaReader.read(
                Stanzas.parse("<message from='a@x.test' to='y.test'><body>hi</body></message>"));

        assertThat(read).isInstanceOfSatisfying(MappingResult.Rejected.class, rejected ->
                assertThat(rejected.rejection().condition()).isEqualTo(StanzaErrorCondition.ITEM_NOT_FOUND));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "<message from='a@x.test' to='b@y.test'><body>plain</body></message>",
        "<message from='a@x.test/r' to='b@y.test' id='s2x-1' type='chat' xml:lang='de'><subject>S</subject>"
                + "<body>Hallo</body><body xml:lang='en'>Hello</body><thread parent='q'>t</thread></message>",
        "<message from='a@x.test' to='b@y.test' type='chat'><paused xmlns='http://jabber.org/protocol/chatstates'/>"
                + "<thread>conv-1</thread></message>",
        "<message from='a@x.test' to='b@y.test' id='i'><body>b</body><request xmlns='urn:xmpp:receipts'/></message>",
        "<message from='b@y.test' to='a@x.test' id='rcpt-i'><received xmlns='urn:xmpp:receipts' id='i'/></message>",
        "<message from='a@x.test' to='b@y.test'><body>b</body><html xmlns='http://jabber.org/protocol/xhtml-im'>"
                + "<body xmlns='http://www.w3.org/1999/xhtml'><p style='color:red'>b <strong>c</strong></p></body>"
                + "</html></message>",
        "<message from='o\\27malley@x.test' to='space\\20cadet@y.test'><body>escaped localparts</body></message>"
    })
    void writesBackWhatItReads(String xml) {
        Stanza stanza = Stanzas.parse(xml);

        Stanza written = MessageStanzaWriter.write(MessageStanzaReader.read(stanza).orElseThrow()).orElseThrow();

        assertThat(MessageStanzaReader.read(written).orElseThrow())
                .isEqualTo(MessageStanzaReader.read(stanza).orElseThrow());
        assertThat(written.from()).isEqualTo(stanza.from());
        assertThat(written.to()).isEqualTo(stanza.to());
        assertThat(written.id()).isEqualTo(stanza.id());
    }

    @Test
    void writesAnXhtmlBodyInsideTheXhtmlImWrapper() {
        XmppMessage message = XmppMessage.builder(XmppAddress.of("a", "x.test"), XmppAddress.of("b", "y.test"))
                .body("bold").xhtmlBody("<body xmlns='http://www.w3.org/1999/xhtml'><strong>bold</strong></body>")
                .build();

        Stanza stanza = MessageStanzaWriter.write(message).orElseThrow();

        assertThat(stanza.element().toXml()).contains("<html xmlns='http://jabber.org/protocol/xhtml-im'>")
                .contains("<strong>bold</strong>");
        assertThat(stanza.type()).as("normal is the default type").isEmpty();
        assertThat(stanza.element().elements()).extracting(e -> e.localName()).containsExactly("body", "html");
    }
}
