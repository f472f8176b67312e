package org.parley.xmpp.stream;

/**
 * Resource limits enforced by {@link XmppStreamDecoder} while bytes stream in (RFC 6120 §13.12). Exceeding
 * any of them yields a {@code <policy-violation/>} stream error.
 *
 * @param maxStanzaBytes          largest depth-1 element in bytes, and also the most bytes of whitespace or
 *                                partial markup between two of them; RFC 6120 §13.12 forbids values below
 *                                10000
 * @param maxHeaderBytes          most bytes before the end of the {@code <stream:stream>} open tag, including
 *                                the XML declaration
 * @param maxDepth                deepest nesting inside a stanza; the stanza itself is depth 1
 * @param maxAttributes           most attributes plus namespace declarations on one element
 * @param maxNameLength           longest qualified element or attribute name, in characters
 * @param maxAttributeValueLength longest attribute value or namespace URI, in characters
 */
public record StreamLimits(int maxStanzaBytes, int maxHeaderBytes, int maxDepth, int maxAttributes,
                           int maxNameLength, int maxAttributeValueLength) {

    /** The smallest stanza size RFC 6120 §13.12 allows a server to impose. */
    public static final int MIN_STANZA_BYTES = 10_000;

    /** Refuses limits so small that ordinary XMPP traffic would fail. */
    public StreamLimits {
        require(maxStanzaBytes, MIN_STANZA_BYTES, "maxStanzaBytes (RFC 6120 §13.12)");
        require(maxHeaderBytes, 1024, "maxHeaderBytes");
        require(maxDepth, 8, "maxDepth");
        require(maxAttributes, 16, "maxAttributes");
        require(maxNameLength, 64, "maxNameLength");
        require(maxAttributeValueLength, 3071, "maxAttributeValueLength (a full JID, RFC 7622 §3.1)");
    }

    /** 256 KiB stanzas, 8 KiB headers, depth 32, 64 attributes, names of 1024 and values of 16384 chars. */
    public static StreamLimits defaults() {
        return new StreamLimits(262_144, 8192, 32, 64, 1024, 16_384);
    }

    /** The same limits with another stanza size cap. */
    public StreamLimits withMaxStanzaBytes(int bytes) {
        return new StreamLimits(bytes, maxHeaderBytes, maxDepth, maxAttributes, maxNameLength,
                maxAttributeValueLength);
    }

    private static void require(int value, int minimum, String what) {
        if (value < minimum) {
            throw new IllegalArgumentException(what + " must be at least " + minimum + ", was " + value);
        }
    }
}
