package org.parley.mapper.im;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.parley.mapper.address.XmppAddress;

/**
 * An XMPP {@code <message/>} stanza as the gateway translates it, independent of any transport (RFC 6121 §5.2):
 * addresses, type, id, {@code xml:lang}, bodies and subjects per language, thread, and the extensions the IM
 * mapping uses: a XEP-0085 chat state, XEP-0184 receipt request / receipt, and a XEP-0071 XHTML-IM body.
 *
 * <p>{@code xhtmlBody} is the serialized XHTML {@code <body xmlns='http://www.w3.org/1999/xhtml'>…</body>} element
 * (the child of XEP-0071's {@code <html/>} wrapper). {@code receiptFor} is the {@code id} of a
 * {@code <received/>} element (an ack message, XEP-0184 §5). Error payloads of {@link MessageType#ERROR}
 * messages are not modelled: such messages are never translated into SIP requests.
 *
 * <p>The constructor enforces RFC 6121 §5.2.3/§5.2.4: no two bodies (or subjects) with the same effective
 * language. Use {@link #builder(XmppAddress, XmppAddress)} to build one.
 */
public record XmppMessage(XmppAddress from, XmppAddress to, MessageType type, Optional<String> id,
                          Optional<String> language, List<LocalizedText> bodies, List<LocalizedText> subjects,
                          Optional<MessageThread> thread, Optional<ChatState> chatState, boolean receiptRequested,
                          Optional<String> receiptFor, Optional<String> xhtmlBody) {

    /** Validates the parts (see the type documentation) and copies the lists. */
    public XmppMessage {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(chatState, "chatState");
        Objects.requireNonNull(receiptFor, "receiptFor");
        Objects.requireNonNull(xhtmlBody, "xhtmlBody");
        bodies = List.copyOf(bodies);
        subjects = List.copyOf(subjects);
        id.ifPresent(value -> requireToken(value, "id"));
        receiptFor.ifPresent(value -> requireToken(value, "receipt id"));
        language.ifPresent(LanguageTags::requireWellFormed);
        requireDistinctLanguages(bodies, language, "body");
        requireDistinctLanguages(subjects, language, "subject");
        xhtmlBody.ifPresent(xhtml -> {
            if (xhtml.isBlank() || !XmlChars.isValid(xhtml)) {
                throw new IllegalArgumentException("XHTML-IM body must be non-blank, XML-safe text");
            }
        });
    }

    /** A builder for a message from {@code from} to {@code to}, of type normal, with nothing else set. */
    public static Builder builder(XmppAddress from, XmppAddress to) {
        return new Builder(from, to);
    }

    /**
     * The body to use where only one can be carried: the one in the stanza's language (its own {@code xml:lang}
     * absent or equal to the stanza's), otherwise the first.
     */
    public Optional<LocalizedText> primaryBody() {
        return inStanzaLanguage(bodies);
    }

    /**
     * The subject in {@code wanted} language if there is one, else the subject in the stanza's language, else the
     * first subject.
     */
    public Optional<LocalizedText> subjectIn(Optional<String> wanted) {
        Optional<LocalizedText> match = subjects.stream()
                .filter(subject -> sameLanguage(subject.effectiveLanguage(language), wanted))
                .findFirst();
        return match.or(() -> inStanzaLanguage(subjects));
    }

    private Optional<LocalizedText> inStanzaLanguage(List<LocalizedText> texts) {
        Optional<LocalizedText> own = texts.stream()
                .filter(text -> sameLanguage(text.effectiveLanguage(language), language))
                .findFirst();
        return own.or(() -> texts.stream().findFirst());
    }

    private static boolean sameLanguage(Optional<String> a, Optional<String> b) {
        return a.map(tag -> tag.toLowerCase(Locale.ROOT)).equals(b.map(tag -> tag.toLowerCase(Locale.ROOT)));
    }

    private static void requireDistinctLanguages(List<LocalizedText> texts, Optional<String> stanzaLanguage,
                                                 String what) {
        Set<String> seen = new HashSet<>();
        for (LocalizedText text : texts) {
            Objects.requireNonNull(text, what);
            String key = text.effectiveLanguage(stanzaLanguage).map(tag -> tag.toLowerCase(Locale.ROOT)).orElse("");
            if (!seen.add(key)) {
                throw new IllegalArgumentException("two " + what + " elements with xml:lang '" + key + "'");
            }
        }
    }

    private static void requireToken(String value, String what) {
        if (value.isEmpty() || !XmlChars.isValid(value)) {
            throw new IllegalArgumentException(what + " must be non-empty and XML-safe");
        }
    }

    /** Builds an {@link XmppMessage}; every setter replaces the previous value. Not thread-safe. */
    public static final class Builder {
        private final XmppAddress from;
        private final XmppAddress to;
        private MessageType type = MessageType.NORMAL;
        private Optional<String> id = Optional.empty();
        private Optional<String> language = Optional.empty();
        private final List<LocalizedText> bodies = new ArrayList<>();
        private final List<LocalizedText> subjects = new ArrayList<>();
        private Optional<MessageThread> thread = Optional.empty();
        private Optional<ChatState> chatState = Optional.empty();
        private boolean receiptRequested;
        private Optional<String> receiptFor = Optional.empty();
        private Optional<String> xhtmlBody = Optional.empty();

        private Builder(XmppAddress from, XmppAddress to) {
            this.from = from;
            this.to = to;
        }

        /** Sets the type. */
        public Builder type(MessageType type) {
            this.type = type;
            return this;
        }

        /** Sets the stanza id. */
        public Builder id(String id) {
            this.id = Optional.of(id);
            return this;
        }

        /** Sets the stanza id, or clears it. */
        public Builder id(Optional<String> id) {
            this.id = id;
            return this;
        }

        /** Sets the stanza's {@code xml:lang}, or clears it. */
        public Builder language(Optional<String> language) {
            this.language = language;
            return this;
        }

        /** Sets the stanza's {@code xml:lang}. */
        public Builder language(String language) {
            return language(Optional.of(language));
        }

        /** Adds a body. */
        public Builder body(LocalizedText body) {
            bodies.add(body);
            return this;
        }

        /** Adds a body without its own language. */
        public Builder body(String text) {
            return body(LocalizedText.of(text));
        }

        /** Adds a subject. */
        public Builder subject(LocalizedText subject) {
            subjects.add(subject);
            return this;
        }

        /** Adds a subject without its own language. */
        public Builder subject(String text) {
            return subject(LocalizedText.of(text));
        }

        /** Sets the thread, or clears it. */
        public Builder thread(Optional<MessageThread> thread) {
            this.thread = thread;
            return this;
        }

        /** Sets a thread without parent. */
        public Builder thread(String threadId) {
            return thread(Optional.of(MessageThread.of(threadId)));
        }

        /** Sets the chat state, or clears it. */
        public Builder chatState(Optional<ChatState> chatState) {
            this.chatState = chatState;
            return this;
        }

        /** Sets the chat state. */
        public Builder chatState(ChatState chatState) {
            return chatState(Optional.of(chatState));
        }

        /** Sets whether a XEP-0184 receipt is requested. */
        public Builder receiptRequested(boolean receiptRequested) {
            this.receiptRequested = receiptRequested;
            return this;
        }

        /** Makes this an ack message for the message with id {@code messageId}. */
        public Builder receiptFor(String messageId) {
            this.receiptFor = Optional.of(messageId);
            return this;
        }

        /** Sets the serialized XHTML body element, or clears it. */
        public Builder xhtmlBody(Optional<String> xhtmlBody) {
            this.xhtmlBody = xhtmlBody;
            return this;
        }

        /** Sets the serialized XHTML body element. */
        public Builder xhtmlBody(String xhtmlBody) {
            return xhtmlBody(Optional.of(xhtmlBody));
        }

        /** The message; throws {@link IllegalArgumentException} if the parts are invalid. */
        public XmppMessage build() {
            return new XmppMessage(from, to, type, id, language, bodies, subjects, thread, chatState,
                    receiptRequested, receiptFor, xhtmlBody);
        }
    }
}
