package org.parley.mapper.sip2xmpp;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.XmlChars;

/**
 * Turns a {@code text/*} body into XMPP character data (RFC 7572 §7, §8). The {@code charset} parameter is
 * honoured; without one, UTF-8 is assumed (what SIP user agents send; US-ASCII, the RFC 2046 default, is a
 * subset). A charset the platform does not know is refused with 415 / not-acceptable; octets that are not valid in
 * the charset, and characters XML cannot carry (most C0 controls), with 400 / bad-request. A leading byte order
 * mark is dropped and line ends (CRLF, CR) become LF, as XML end-of-line handling would make them anyway.
 */
final class TextDecoding {

    private TextDecoding() {
    }

    /** The text of {@code body}, labelled {@code type}. */
    static MappingResult<String> decode(byte[] body, ContentType type) {
        String charsetName = type.charset().orElse("UTF-8");
        Charset charset;
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return reject(StanzaErrorCondition.NOT_ACCEPTABLE, 415, "unsupported charset '" + charsetName + "'");
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return reject(StanzaErrorCondition.BAD_REQUEST, 400, "body is not valid " + charset.name());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        if (!XmlChars.isValid(text)) {
            return reject(StanzaErrorCondition.BAD_REQUEST, 400, "body contains characters XMPP cannot carry");
        }
        return MappingResult.mapped(text);
    }

    private static <T> MappingResult<T> reject(StanzaErrorCondition condition, int status, String reason) {
        return MappingResult.rejected(new Rejection(condition, status, reason));
    }
}
