package org.parley.mapper.sip2xmpp;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.SipMessage;

/** Test MESSAGEs from sip:romeo@contoso.test (a local SIP user) to sip:juliet@jabber.example. */
final class SipMessages {

    static final SipAddress ROMEO = SipAddress.parse("sip:romeo@contoso.test;gr=dr4hcr0st3lup4c").orElseThrow();
    static final SipAddress JULIET = SipAddress.parse("sip:juliet@jabber.example").orElseThrow();

    private SipMessages() {
    }

    /** A MESSAGE with {@code body} encoded in {@code charset}, labelled {@code contentType}. */
    static SipMessage message(String contentType, String body, Charset charset) {
        return message(contentType, body.getBytes(charset));
    }

    /** A UTF-8 MESSAGE labelled {@code contentType}. */
    static SipMessage message(String contentType, String body) {
        return message(contentType, body, StandardCharsets.UTF_8);
    }

    /** A MESSAGE with {@code body} octets labelled {@code contentType}, Call-ID c-1, CSeq 1. */
    static SipMessage message(String contentType, byte[] body) {
        return new SipMessage(JULIET, JULIET, ROMEO, "c-1", OptionalLong.of(1),
                Optional.of(ContentType.parse(contentType).orElseThrow()), List.of(), Optional.empty(), body);
    }
}
