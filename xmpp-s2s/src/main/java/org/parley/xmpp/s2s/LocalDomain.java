package org.parley.xmpp.s2s;

import java.util.List;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stream.XmlElement;

/**
 * The gateway's own domain as an XMPP entity: answers XEP-0199 ping and XEP-0030 disco#info (identity category
 * {@code gateway}, type {@code sip}) and disco#items, and every other IQ get/set with {@code service-unavailable}
 * (RFC 6120 §8.4) — never silence (the guarantee of Tinder's {@code AbstractComponent}).
 */
final class LocalDomain {

    static final String PING = "urn:xmpp:ping";
    static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    static final String DISCO_ITEMS = "http://jabber.org/protocol/disco#items";
    private static final List<String> FEATURES = List.of(DISCO_INFO, DISCO_ITEMS, PING);

    private final String name;

    LocalDomain(String name) {
        this.name = name;
    }

    /** The answer to an IQ request addressed to the bare domain. */
    Stanza answer(Stanza request) {
        List<XmlElement> payload = request.element().elements();
        if (request.type().equals("get") && payload.size() == 1) {
            XmlElement query = payload.get(0);
            if (query.is(PING, "ping")) {
                return request.iqResult(List.of());
            }
            if (query.is(DISCO_INFO, "query") && query.attribute("node").isEmpty()) {
                return request.iqResult(List.of(discoInfo()));
            }
            if (query.is(DISCO_ITEMS, "query") && query.attribute("node").isEmpty()) {
                return request.iqResult(List.of(XmlElement.builder(DISCO_ITEMS, "query").build()));
            }
        }
        return request.errorReply(StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE)).orElseThrow();
    }

    private XmlElement discoInfo() {
        XmlElement.Builder query = XmlElement.builder(DISCO_INFO, "query")
                .child(XmlElement.builder(DISCO_INFO, "identity").attribute("category", "gateway")
                        .attribute("type", "sip").attribute("name", name).build());
        FEATURES.forEach(f -> query.child(XmlElement.builder(DISCO_INFO, "feature").attribute("var", f).build()));
        return query.build();
    }
}
