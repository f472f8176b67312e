package org.parley.xmpp.stanza;

import java.util.Optional;
import org.parley.xmpp.stream.XmlElement;

/** What {@link Stanza#parse(XmlElement)} made of an element: a stanza, or why not. */
public sealed interface StanzaParse {

    /** A well-addressed stanza. */
    record Parsed(Stanza stanza) implements StanzaParse { }

    /**
     * Not usable as a stanza.
     *
     * @param from the parsed sender when it could be read (so an error can be returned to it)
     */
    record Rejected(Problem problem, Optional<Jid> from, XmlElement element) implements StanzaParse { }

    /** Why an element is not a usable stanza. */
    enum Problem {
        /** Not message/presence/iq in {@code jabber:server}: RFC 6120 §4.9.3.24 unsupported-stanza-type. */
        NOT_A_STANZA,
        /** {@code from} or {@code to} missing, which s2s forbids: RFC 6120 §4.9.3.7 improper-addressing. */
        MISSING_ADDRESS,
        /** {@code from} is not a JID: cannot be authenticated, RFC 6120 §4.9.3.9 invalid-from. */
        MALFORMED_FROM,
        /** {@code to} is not a JID: RFC 6120 §8.3.3.8 jid-malformed, returned to the sender. */
        MALFORMED_TO
    }
}
