package org.parley.sip;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/** A message body and its media type (RFC 3261 §7.4, §20.15), e.g. {@code text/plain;charset=UTF-8}. */
public record SipBody(String contentType, byte[] content) {

    public SipBody {
        Objects.requireNonNull(contentType, "contentType");
        content = content.clone();
    }

    /** A UTF-8 text body. */
    public static SipBody text(String contentType, String text) {
        return new SipBody(contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    /** The content decoded as UTF-8. */
    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public int length() {
        return content.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SipBody body && body.contentType.equals(contentType)
                && Arrays.equals(body.content, content);
    }

    @Override
    public int hashCode() {
        return 31 * contentType.hashCode() + Arrays.hashCode(content);
    }

    @Override
    public String toString() {
        return "SipBody[" + contentType + ", " + content.length + " bytes]";
    }
}
