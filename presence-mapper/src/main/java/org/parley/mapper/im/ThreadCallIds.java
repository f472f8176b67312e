package org.parley.mapper.im;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.parley.mapper.address.XmppAddress;

/**
 * XMPP {@code <thread/>} ↔ SIP Call-ID (RFC 7572 §4 Table 1 and §5 Table 2), stateless and exactly reversible.
 *
 * <h2>The mapping</h2>
 * <ul>
 *   <li>A thread id that is already a valid Call-ID (RFC 3261 §25.1 {@code callid}: a {@code word}, optionally
 *       {@code "@" word}) is used as it is, as in RFC 7573's examples where the Call-ID and the thread are the same
 *       string. UUID threads, the usual case (RFC 6121 §5.2.5), are carried unchanged.</li>
 *   <li>Any other thread id (spaces, non-ASCII, two {@code @}, …) becomes {@code xt~} followed by the unpadded
 *       base64url (RFC 4648 §5) of its UTF-8 octets. So does a thread id that itself looks like such an
 *       encoding, which keeps the mapping one-to-one.</li>
 *   <li>A Call-ID becomes the thread it encodes if it is such an encoding (canonical base64url of UTF-8 text that
 *       needed encoding), else the thread with the Call-ID as its id.</li>
 *   <li>A message without thread is given the conversation Call-ID {@code conv-} + 32 hex digits: the first 128
 *       bits of SHA-256 over the two bare JIDs, sorted, joined by a line feed. Every thread-less message between
 *       the same two users gets the same Call-ID, in both directions; a SIP reply in that Call-ID reaches XMPP with
 *       it as thread, and an XMPP answer in that thread maps back to it.</li>
 * </ul>
 * For every thread id {@code t}: {@code toThread(callIdFor(t)) = t}, and for every valid Call-ID {@code c}:
 * {@code callIdFor(toThread(c).id()) = c}. So a conversation keeps one Call-ID on the SIP side and one thread on
 * the XMPP side whichever side starts it, with no storage. The thread's {@code parent} has no SIP equivalent and
 * is not carried.
 *
 * <p>RFC 3261 §8.1.1.4 wants Call-IDs unique over space and time; reuse for the messages of one thread is what
 * RFC 7572's thread ↔ Call-ID mapping implies. Thread ids only need to be unique between two partners (RFC 6121
 * §5.2.5), so two conversations with the same non-UUID thread id may share a Call-ID; SIP does not match MESSAGE
 * transactions by Call-ID, so this has no protocol effect.
 */
public final class ThreadCallIds {

    /** Prefix of Call-IDs that carry an encoded thread id. */
    static final String ENCODED_PREFIX = "xt~";
    /** Prefix of conversation Call-IDs for messages without thread. */
    static final String CONVERSATION_PREFIX = "conv-";

    private static final String WORD_SPECIALS = "-.!%*_+`'~()<>:\\\"/[]?{}";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private ThreadCallIds() {
    }

    /** The Call-ID for a message in {@code thread} (or without one) between {@code a} and {@code b}. */
    public static String toCallId(Optional<MessageThread> thread, XmppAddress a, XmppAddress b) {
        return thread.map(t -> callIdFor(t.id())).orElseGet(() -> conversationCallId(a, b));
    }

    /** The Call-ID for thread id {@code threadId}. */
    public static String callIdFor(String threadId) {
        if (!MessageThread.isValidId(threadId)) {
            throw new IllegalArgumentException("not a thread id");
        }
        return needsEncoding(threadId)
                ? ENCODED_PREFIX + BASE64URL.encodeToString(threadId.getBytes(StandardCharsets.UTF_8))
                : threadId;
    }

    /** The thread for a message in Call-ID {@code callId}; throws {@link IllegalArgumentException} if invalid. */
    public static MessageThread toThread(String callId) {
        if (!isValidCallId(callId)) {
            throw new IllegalArgumentException("not a valid Call-ID: " + callId);
        }
        return MessageThread.of(decoded(callId).filter(ThreadCallIds::needsEncoding).orElse(callId));
    }

    /** The Call-ID shared by thread-less messages between {@code a} and {@code b} (order does not matter). */
    public static String conversationCallId(XmppAddress a, XmppAddress b) {
        String joined = String.join("\n",
                Stream.of(a.bare().toString(), b.bare().toString()).sorted().toList());
        byte[] digest = sha256(joined.getBytes(StandardCharsets.UTF_8));
        return CONVERSATION_PREFIX + HexFormat.of().formatHex(digest, 0, 16);
    }

    /** Whether {@code value} is a Call-ID per RFC 3261 §25.1: {@code word ["@" word]}. */
    public static boolean isValidCallId(String value) {
        if (value == null) {
            return false;
        }
        int at = value.indexOf('@');
        if (at < 0) {
            return isWord(value);
        }
        return isWord(value.substring(0, at)) && isWord(value.substring(at + 1));
    }

    private static boolean isWord(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c < 0x80
                && (Character.isLetterOrDigit(c) || WORD_SPECIALS.indexOf(c) >= 0));
    }

    /** Thread ids that cannot be their own Call-ID: invalid ones, and ones that read as an encoding. */
    private static boolean needsEncoding(String threadId) {
        return !isValidCallId(threadId) || decoded(threadId).filter(ThreadCallIds::needsEncoding).isPresent();
    }

    /** The thread id {@code value} encodes, if it is {@code xt~} + canonical base64url of UTF-8 thread text. */
    private static Optional<String> decoded(String value) {
        if (!value.startsWith(ENCODED_PREFIX) || value.length() == ENCODED_PREFIX.length()) {
            return Optional.empty();
        }
        String encoded = value.substring(ENCODED_PREFIX.length());
        byte[] octets;
        try {
            octets = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        if (!BASE64URL.encodeToString(octets).equals(encoded)) {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(octets)).toString();
            return MessageThread.isValidId(text) ? Optional.of(text) : Optional.empty();
        } catch (CharacterCodingException notUtf8) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }
}
