package org.parley.gateway.route.xmpp2sip;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.parley.mapper.im.SipMessage;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;

/**
 * Writes the mapper's {@link SipMessage} as the SIP module's {@link OutboundRequest} (RFC 3428): Request-URI, From
 * and To in angle brackets (so a {@code ;gr=} GRUU stays a URI parameter, RFC 3261 §20.10), the Call-ID the thread
 * maps to, Content-Language, Subject, and the body with its Content-Type. Via, CSeq, tags and Max-Forwards are the
 * stack's.
 */
public final class SipRequests {

    private SipRequests() {
    }

    /** The MESSAGE request for {@code message}. */
    public static OutboundRequest toOutbound(SipMessage message) {
        List<SipHeader> headers = new ArrayList<>();
        headers.add(new SipHeader("Call-ID", message.callId()));
        if (!message.contentLanguages().isEmpty()) {
            headers.add(new SipHeader("Content-Language", String.join(", ", message.contentLanguages())));
        }
        message.subject().ifPresent(subject -> headers.add(new SipHeader("Subject", subject)));
        Optional<SipBody> body = message.contentType()
                .map(type -> new SipBody(type.toString(), message.body()));
        return new OutboundRequest("MESSAGE", message.requestUri().toUri(), "<" + message.from().toUri() + ">",
                "<" + message.to().toUri() + ">", headers, body);
    }
}
