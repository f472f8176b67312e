package org.parley.mapper.im;

import java.util.regex.Pattern;

/**
 * Syntax check for language tags as both sides carry them: XMPP {@code xml:lang} (RFC 6120 §8.1.5, BCP 47) and SIP
 * {@code Content-Language} (RFC 3261 §20.13). Only the shape is checked ({@code 1*8ALPHA *("-" 1*8alphanum)}),
 * not registration; tags are kept as written (BCP 47 tags compare case-insensitively).
 */
public final class LanguageTags {

    private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");

    private LanguageTags() {
    }

    /** Whether {@code tag} is a well-formed language tag. */
    public static boolean isWellFormed(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }

    /** Returns {@code tag} if well-formed; throws {@link IllegalArgumentException} otherwise. */
    public static String requireWellFormed(String tag) {
        if (!isWellFormed(tag)) {
            throw new IllegalArgumentException("not a well-formed language tag: " + tag);
        }
        return tag;
    }
}
