package org.parley.mapper.presence;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;
import org.parley.mapper.pidf.XmlNames;

/**
 * XMPP resourcepart ↔ PIDF tuple id (RFC 8048 §6.2 Table 1 note 2). A tuple id is an {@code xs:ID} (an NCName),
 * narrower than a resourcepart, so the RFC recommends prefixing {@code ID-}. The rule here, reversible for every
 * resourcepart:
 * <ul>
 *   <li>{@code ID-} + resource when that is an NCName (e.g. {@code yn0cl4bnw0yr3vym} → {@code ID-yn0cl4bnw0yr3vym});</li>
 *   <li>{@code IDX-} + lower-case hex of the resource's UTF-8 otherwise (a resource with a space, {@code /},
 *       {@code :} or {@code @}, e.g. {@code "phone 1"} → {@code IDX-70686f6e652031});</li>
 *   <li>{@code ID} alone for a bare JID (presence of the user without a resource).</li>
 * </ul>
 * Reading back, ids of those three forms are decoded; any other id (a tuple published by a SIP user agent, such
 * as {@code t8f3a}) is used as the resourcepart unchanged.
 */
public final class TupleIds {

    /** The tuple id standing for a bare JID. */
    public static final String BARE = "ID";

    private static final String PLAIN = "ID-";
    private static final String HEX = "IDX-";
    private static final HexFormat HEX_FORMAT = HexFormat.of();

    private TupleIds() {
    }

    /** The tuple id for a resourcepart, or {@link #BARE} when there is none. */
    public static String forResource(Optional<String> resource) {
        if (resource.isEmpty()) {
            return BARE;
        }
        String plain = PLAIN + resource.get();
        if (XmlNames.isNcName(plain)) {
            return plain;
        }
        return HEX + HEX_FORMAT.formatHex(resource.get().getBytes(StandardCharsets.UTF_8));
    }

    /** The resourcepart a tuple id stands for; empty for {@link #BARE}. */
    public static Optional<String> resourceFor(String tupleId) {
        if (tupleId.equals(BARE)) {
            return Optional.empty();
        }
        if (tupleId.startsWith(PLAIN) && tupleId.length() > PLAIN.length()) {
            return Optional.of(tupleId.substring(PLAIN.length()));
        }
        if (tupleId.startsWith(HEX)) {
            Optional<String> decoded = decodeHex(tupleId.substring(HEX.length()));
            if (decoded.isPresent()) {
                return decoded;
            }
        }
        return Optional.of(tupleId);
    }

    private static Optional<String> decodeHex(String hex) {
        if (hex.isEmpty() || hex.length() % 2 != 0 || !hex.chars().allMatch(TupleIds::isLowerHex)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(HEX_FORMAT.parseHex(hex))).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean isLowerHex(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
