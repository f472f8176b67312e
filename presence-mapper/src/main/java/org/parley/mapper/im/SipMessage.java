package org.parley.mapper.im;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.parley.mapper.address.SipAddress;

/**
 * A SIP MESSAGE request (RFC 3428, RFC 3261 §7) as the gateway translates it, without transport details (Via,
 * tags, Max-Forwards, Content-Length belong to the SIP stack): Request-URI, To, From, Call-ID, CSeq sequence
 * number, Content-Type, Content-Language, Subject and the body octets.
 *
 * <p>{@code cseq} is empty on requests the gateway builds (the SIP stack numbers them) and present on requests it
 * receives. {@code contentType} is required when the body is not empty (RFC 3261 §20.15). {@code subject} is a
 * header value: no CR or LF. The body array is copied in and out; equality compares its content.
 */
public record SipMessage(SipAddress requestUri, SipAddress to, SipAddress from, String callId, OptionalLong cseq,
                         Optional<ContentType> contentType, List<String> contentLanguages, Optional<String> subject,
                         byte[] body) {

    /** Validates the parts (see the type documentation) and copies the body. */
    public SipMessage {
        Objects.requireNonNull(requestUri, "requestUri");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(cseq, "cseq");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(subject, "subject");
        if (!ThreadCallIds.isValidCallId(callId)) {
            throw new IllegalArgumentException("not a valid Call-ID (RFC 3261 §25.1 callid): " + callId);
        }
        cseq.ifPresent(number -> {
            if (number < 0 || number >= (1L << 31)) {
                throw new IllegalArgumentException("CSeq number must be in 0..2^31-1: " + number);
            }
        });
        contentLanguages = List.copyOf(contentLanguages);
        contentLanguages.forEach(LanguageTags::requireWellFormed);
        subject.ifPresent(value -> {
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("Subject header value must not contain CR or LF");
            }
        });
        body = body.clone();
        if (body.length > 0 && contentType.isEmpty()) {
            throw new IllegalArgumentException("a body needs a Content-Type (RFC 3261 §20.15)");
        }
    }

    /** A request to {@code to} (used as Request-URI and To) with a body of {@code contentType}. */
    public static SipMessage of(SipAddress from, SipAddress to, String callId, ContentType contentType,
                                byte[] body) {
        return new SipMessage(to, to, from, callId, OptionalLong.empty(), Optional.of(contentType), List.of(),
                Optional.empty(), body);
    }

    /** A copy of the body octets. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body length in octets. */
    public int bodyLength() {
        return body.length;
    }

    /** This message with {@code subject}, or without one. */
    public SipMessage withSubject(Optional<String> subject) {
        return new SipMessage(requestUri, to, from, callId, cseq, contentType, contentLanguages, subject, body);
    }

    /** This message with {@code languages} as its Content-Language. */
    public SipMessage withContentLanguages(List<String> languages) {
        return new SipMessage(requestUri, to, from, callId, cseq, contentType, languages, subject, body);
    }

    /** This message with {@code cseq} as its CSeq sequence number. */
    public SipMessage withCseq(long cseq) {
        return new SipMessage(requestUri, to, from, callId, OptionalLong.of(cseq), contentType, contentLanguages,
                subject, body);
    }

    /** Compares every component, the body by content. */
    @Override
    public boolean equals(Object other) {
        return other instanceof SipMessage that
                && requestUri.equals(that.requestUri) && to.equals(that.to) && from.equals(that.from)
                && callId.equals(that.callId) && cseq.equals(that.cseq) && contentType.equals(that.contentType)
                && contentLanguages.equals(that.contentLanguages) && subject.equals(that.subject)
                && Arrays.equals(body, that.body);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(requestUri, to, from, callId, cseq, contentType, contentLanguages, subject)
                * 31 + Arrays.hashCode(body);
    }

    /** A readable form for logs; the body is shown as UTF-8 text (lossy for other charsets). */
    @Override
    public String toString() {
        return "SipMessage[requestUri=" + requestUri + ", to=" + to + ", from=" + from + ", callId=" + callId
                + ", cseq=" + cseq + ", contentType=" + contentType + ", contentLanguages=" + contentLanguages
                + ", subject=" + subject + ", body=" + new String(body, StandardCharsets.UTF_8) + "]";
    }
}
