package org.parley.gateway.route.sip2xmpp;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.SipMessage;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;

/**
 * Reads a MESSAGE from the SIP module ({@link InboundRequest}) into the mapper's {@link SipMessage} (RFC 3428,
 * RFC 3261 §7): Request-URI, To, From, Call-ID, the CSeq number, Content-Type, Content-Language (every tag of every
 * header), Subject and the body. What the mapper cannot hold (a malformed URI, CSeq or Content-Type, an invalid
 * language tag) is refused with the mapper's rejection, never thrown.
 */
public final class SipMessages {

    private SipMessages() {
    }

    /** The message, or why it cannot be read. */
    public static MappingResult<SipMessage> read(InboundRequest request) {
        return SipAddress.parse(request.requestUri()).flatMap(requestUri ->
                SipAddress.parse(request.to()).flatMap(to ->
                        SipAddress.parse(request.from()).flatMap(from -> build(request, requestUri, to, from))));
    }

    private static MappingResult<SipMessage> build(InboundRequest request, SipAddress requestUri, SipAddress to,
                                                   SipAddress from) {
        OptionalLong cseq = cseq(request);
        if (cseq.isEmpty()) {
            return bad("missing or malformed CSeq");
        }
        Optional<ContentType> contentType = Optional.empty();
        if (request.body().isPresent()) {
            contentType = ContentType.parse(request.body().get().contentType());
            if (contentType.isEmpty()) {
                return bad("malformed Content-Type: " + request.body().get().contentType());
            }
        }
        try {
            return MappingResult.mapped(new SipMessage(requestUri, to, from, request.callId(), cseq,
                    contentType, languages(request.headers()), request.header("Subject"),
                    request.body().map(SipBody::content).orElse(new byte[0])));
        } catch (IllegalArgumentException | NullPointerException unusable) {
            return bad(String.valueOf(unusable.getMessage()));
        }
    }

    private static OptionalLong cseq(InboundRequest request) {
        Optional<String> value = request.header("CSeq").map(String::strip);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        String number = value.get().split("\\s+", 2)[0];
        try {
            return OptionalLong.of(Long.parseLong(number));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static List<String> languages(List<SipHeader> headers) {
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase("Content-Language"))
                .flatMap(h -> Arrays.stream(h.value().split(",")))
                .map(String::strip)
                .filter(tag -> !tag.isEmpty())
                .toList();
    }

    private static <T> MappingResult<T> bad(String reason) {
        return MappingResult.rejected(new Rejection(StanzaErrorCondition.BAD_REQUEST, 400, reason));
    }
}
