package org.parley.mapper.sip2xmpp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ComposingMapping;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.IsComposing;
import org.parley.mapper.im.IsComposingXml;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.SipMessage;
import org.parley.mapper.im.ThreadCallIds;
import org.parley.mapper.im.XmlChars;
import org.parley.mapper.im.XmppMessage;

/**
 * Translates a SIP MESSAGE from a local SIP user to a remote XMPP user into an XMPP message (RFC 7572 §5 Table 2,
 * §6–§8; RFC 7573 §6 for isComposing). Rules and examples are in the package documentation. Immutable and
 * thread-safe.
 */
public final class MessageTranslator {

    /** The content types accepted, for the {@code Accept} header of a 415 response (RFC 3261 §21.4.13). */
    public static final List<String> ACCEPTED_CONTENT_TYPES = List.of("text/plain", "text/html", "message/cpim",
            "application/im-iscomposing+xml");

    /** What a body carries once decoded. */
    private sealed interface Payload permits Text, Composing {
    }

    private record Text(String plain, Optional<String> xhtml, List<String> languages, Optional<String> subject)
            implements Payload {
    }

    private record Composing(IsComposing indication) implements Payload {
    }

    private final AddressMapper addresses;
    private final InboundSettings settings;

    /**
     * @param addresses maps the sender (a {@link Party#LOCAL_SIP_USER}) and the Request-URI (a
     *                  {@link Party#REMOTE_XMPP_USER})
     * @param settings  message type, receipt requests and size limit
     */
    public MessageTranslator(AddressMapper addresses, InboundSettings settings) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The XMPP message for {@code request}, or the rejection to answer it with. */
    public MappingResult<XmppMessage> translate(SipMessage request) {
        Objects.requireNonNull(request, "request");
        if (request.bodyLength() > settings.maxBodyOctets()) {
            return reject(StanzaErrorCondition.POLICY_VIOLATION, 413, "MESSAGE body of " + request.bodyLength()
                    + " octets exceeds the limit of " + settings.maxBodyOctets());
        }
        return addresses.toXmpp(request.from(), Party.LOCAL_SIP_USER).flatMap(from ->
                addresses.toXmpp(request.requestUri(), Party.REMOTE_XMPP_USER).flatMap(to ->
                        payload(request).flatMap(payload -> message(request, from, to, payload))));
    }

    private MappingResult<Payload> payload(SipMessage request) {
        if (request.contentType().isEmpty()) {
            return reject(StanzaErrorCondition.BAD_REQUEST, 400, "MESSAGE without content");
        }
        ContentType type = request.contentType().get();
        if (!type.is("message", "cpim")) {
            return content(type, request.body(), request.contentLanguages(), request.subject());
        }
        return CpimParser.parse(request.body()).flatMap(cpim -> content(cpim.contentType(), cpim.content(),
                cpim.contentLanguages().isEmpty() ? request.contentLanguages() : cpim.contentLanguages(),
                request.subject().or(cpim::subject)));
    }

    /** Dispatches on the (inner) content type; CPIM inside CPIM is not unwrapped again. */
    private static MappingResult<Payload> content(ContentType type, byte[] body, List<String> languages,
                                                  Optional<String> subject) {
        if (subject.isPresent() && !XmlChars.isValid(subject.get())) {
            return reject(StanzaErrorCondition.BAD_REQUEST, 400, "Subject contains characters XMPP cannot carry");
        }
        if (type.is("text", "plain")) {
            return TextDecoding.decode(body, type).map(text -> new Text(text, Optional.empty(), languages, subject));
        }
        if (type.is("text", "html")) {
            return TextDecoding.decode(body, type).map(XhtmlImWriter::convert).map(html ->
                    new Text(html.plainText(), Optional.of(html.xhtmlBody()), languages, subject));
        }
        if (type.is("application", "im-iscomposing+xml")) {
            return IsComposingXml.read(body).map(Composing::new);
        }
        return reject(StanzaErrorCondition.NOT_ACCEPTABLE, 415, "unsupported content type " + type.mediaType());
    }

    private MappingResult<XmppMessage> message(SipMessage request, XmppAddress from, XmppAddress to,
                                               Payload payload) {
        Optional<String> id = stanzaId(request);
        XmppMessage.Builder message = XmppMessage.builder(from, to)
                .id(id)
                .thread(Optional.of(ThreadCallIds.toThread(request.callId())));
        if (payload instanceof Composing composing) {
            return MappingResult.mapped(message.type(MessageType.CHAT)
                    .chatState(ComposingMapping.toChatState(composing.indication().state()))
                    .build());
        }
        Text text = (Text) payload;
        message.type(settings.contentMessageType())
                .language(text.languages().size() == 1 ? Optional.of(text.languages().get(0)) : Optional.empty())
                .body(LocalizedText.of(text.plain()))
                .xhtmlBody(text.xhtml())
                .receiptRequested(settings.requestReceipts() && id.isPresent());
        text.subject().ifPresent(message::subject);
        return MappingResult.mapped(message.build());
    }

    /**
     * The stanza id for the MESSAGE transaction (RFC 7572 Table 2 "transaction identifier → id"):
     * {@code s2x-} + 20 hex digits of SHA-256 over Call-ID, CSeq number and From URI. A retransmission gets the
     * same id. Without CSeq there is no transaction identity, and no id.
     */
    static Optional<String> stanzaId(SipMessage request) {
        if (request.cseq().isEmpty()) {
            return Optional.empty();
        }
        String key = request.callId() + "\n" + request.cseq().getAsLong() + "\n" + request.from().toUri();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return Optional.of("s2x-" + HexFormat.of().formatHex(digest, 0, 10));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    private static <T> MappingResult<T> reject(StanzaErrorCondition condition, int status, String reason) {
        return MappingResult.rejected(new Rejection(condition, status, reason));
    }
}
