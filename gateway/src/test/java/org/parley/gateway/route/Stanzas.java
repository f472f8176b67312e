package org.parley.gateway.route;

import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaParse;

/** Stanzas for tests, written as XML in {@code jabber:server}. */
public final class Stanzas {

    private Stanzas() {
    }

    /** Parses {@code xml} (one stanza element; the default namespace is added when missing) as s2s would. */
    public static Stanza parse(String xml) {
        String withNamespace = xml.contains("xmlns='jabber:server'") ? xml
                : xml.replaceFirst("^<(message|iq|presence)", "<$1 xmlns='jabber:server'");
        StanzaParse parsed = Stanza.parse(XhtmlFragment.parse(withNamespace)
                .orElseThrow(() -> new IllegalArgumentException("not XML: " + xml)));
        return ((StanzaParse.Parsed) parsed).stanza();
    }
}
