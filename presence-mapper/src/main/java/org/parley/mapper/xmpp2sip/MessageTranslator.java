package org.parley.mapper.xmpp2sip;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.address.AddressMapper;
import org.parley.mapper.address.Party;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.error.Addressee;
import org.parley.mapper.error.ErrorMapping;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ChatState;
import org.parley.mapper.im.ComposingMapping;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.IsComposing;
import org.parley.mapper.im.IsComposingXml;
import org.parley.mapper.im.LocalizedText;
import org.parley.mapper.im.MessageType;
import org.parley.mapper.im.SipMessage;
import org.parley.mapper.im.ThreadCallIds;
import org.parley.mapper.im.XmppMessage;

/**
 * Translates an XMPP message from a remote XMPP user to a local SIP user into a SIP MESSAGE (RFC 7572 §4 Table 1,
 * §6, §8; RFC 7573 §6 for chat states). Rules and examples are in the package documentation. Immutable and
 * thread-safe.
 */
public final class MessageTranslator {

    private final AddressMapper addresses;
    private final MessageSettings settings;

    /**
     * @param addresses maps the sender (a {@link Party#REMOTE_XMPP_USER}) and the recipient (a
     *                  {@link Party#LOCAL_SIP_USER})
     * @param settings  size limit and isComposing refresh
     */
    public MessageTranslator(AddressMapper addresses, MessageSettings settings) {
        this.addresses = Objects.requireNonNull(addresses, "addresses");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * The SIP outcome of {@code message}: a MESSAGE to send, nothing (with the reason), or a rejection carrying
     * the stanza error to bounce to the XMPP sender.
     */
    public MappingResult<SipAction> translate(XmppMessage message) {
        Objects.requireNonNull(message, "message");
        if (message.type() == MessageType.ERROR) {
            return absorbed(SipAction.Reason.ERROR_STANZA);
        }
        if (message.type() == MessageType.GROUPCHAT) {
            return reject(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED,
                    ErrorMapping.toSipStatus(StanzaErrorCondition.FEATURE_NOT_IMPLEMENTED, addressee(message)),
                    "groupchat messages are not translated to SIP page mode");
        }
        if (message.xhtmlBody().isPresent() && message.bodies().isEmpty()) {
            return reject(StanzaErrorCondition.BAD_REQUEST, 400, "XHTML-IM content without a <body/> (XEP-0071 §8)");
        }
        if (!message.bodies().isEmpty() || !message.subjects().isEmpty()) {
            return contentMessage(message);
        }
        if (message.receiptFor().isPresent()) {
            return absorbed(SipAction.Reason.RECEIPT);
        }
        if (message.chatState().isPresent()) {
            return chatStateMessage(message, message.chatState().get());
        }
        return absorbed(SipAction.Reason.NO_CONTENT);
    }

    /** Body (one language) → text/plain; charset=UTF-8, subject → Subject, language → Content-Language. */
    private MappingResult<SipAction> contentMessage(XmppMessage message) {
        Optional<LocalizedText> body = message.primaryBody();
        Optional<String> language = body.map(b -> b.effectiveLanguage(message.language()))
                .orElseGet(() -> message.subjectIn(message.language())
                        .flatMap(s -> s.effectiveLanguage(message.language())));
        Optional<String> subject = message.subjectIn(language).map(s -> headerText(s.text()));
        byte[] octets = body.map(b -> b.text()).orElse("").getBytes(StandardCharsets.UTF_8);
        int contentOctets = octets.length + subject.map(s -> s.getBytes(StandardCharsets.UTF_8).length).orElse(0);
        if (contentOctets > settings.maxContentOctets()) {
            return reject(StanzaErrorCondition.POLICY_VIOLATION, 413, "message content of " + contentOctets
                    + " octets exceeds the SIP page-mode limit of " + settings.maxContentOctets());
        }
        return request(message, ContentType.TEXT_PLAIN_UTF8, octets)
                .map(sip -> sip.withSubject(subject).withContentLanguages(language.map(List::of).orElse(List.of())))
                .map(SipAction.Send::new);
    }

    /** Standalone chat state → isComposing document (RFC 7573 §6 Table 4); gone → nothing (§6.1). */
    private MappingResult<SipAction> chatStateMessage(XmppMessage message, ChatState state) {
        Optional<IsComposing.State> composing = ComposingMapping.toIsComposing(state);
        if (composing.isEmpty()) {
            return absorbed(SipAction.Reason.GONE_CHAT_STATE);
        }
        IsComposing indication = composing.get() == IsComposing.State.ACTIVE
                ? IsComposing.active(settings.composingRefresh())
                : IsComposing.idle();
        return request(message, ContentType.IS_COMPOSING, IsComposingXml.write(indication)).map(SipAction.Send::new);
    }

    /** A MESSAGE with mapped addresses and the thread's Call-ID; sips: is never produced by the address mapper. */
    private MappingResult<SipMessage> request(XmppMessage message, ContentType type, byte[] body) {
        return addresses.toSip(message.from(), Party.REMOTE_XMPP_USER).flatMap(from ->
                addresses.toSip(message.to(), Party.LOCAL_SIP_USER).map(to -> build(message, from, to, type, body)));
    }

    private static SipMessage build(XmppMessage message, SipAddress from, SipAddress to, ContentType type,
                                    byte[] body) {
        String callId = ThreadCallIds.toCallId(message.thread(), message.from(), message.to());
        return new SipMessage(to, to, from, callId, OptionalLong.empty(), Optional.of(type), List.of(),
                Optional.empty(), body);
    }

    /** A subject as a SIP header value: each line break (CRLF, CR or LF) becomes one space. */
    static String headerText(String text) {
        return text.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ');
    }

    private static Addressee addressee(XmppMessage message) {
        return message.to().isFull() ? Addressee.FULL_JID : Addressee.BARE_JID;
    }

    private static MappingResult<SipAction> absorbed(SipAction.Reason reason) {
        return MappingResult.mapped(new SipAction.Absorbed(reason));
    }

    private static MappingResult<SipAction> reject(StanzaErrorCondition condition, int sipStatus, String reason) {
        return MappingResult.rejected(new Rejection(condition, sipStatus, reason));
    }
}
