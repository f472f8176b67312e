package org.parley.mapper.xmpp2sip;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of {@link MessageTranslator}.
 *
 * @param maxContentOctets largest body plus Subject, in UTF-8 octets, that is sent as a page-mode MESSAGE; more is
 *                         refused with policy-violation (RFC 7572 §6). RFC 3428 caps a whole MESSAGE outside a
 *                         session at 1300 octets, headers included, so a value near 1000 keeps to it.
 * @param composingRefresh the {@code <refresh/>} interval put in {@code active} isComposing documents (RFC 3994
 *                         §3.2). The gateway sends no refreshes (XEP-0085 sends {@code composing} once), so a SIP
 *                         receiver shows "composing" at most this long without news; at least 60 seconds.
 */
public record MessageSettings(int maxContentOctets, Duration composingRefresh) {

    /** 1000 octets of content, refresh every 120 seconds. */
    public static final MessageSettings DEFAULTS = new MessageSettings(1000, Duration.ofSeconds(120));

    /** Requires a positive limit and a refresh of at least 60 whole seconds. */
    public MessageSettings {
        Objects.requireNonNull(composingRefresh, "composingRefresh");
        if (maxContentOctets < 1) {
            throw new IllegalArgumentException("maxContentOctets must be positive: " + maxContentOctets);
        }
        if (composingRefresh.toSeconds() < 60 || composingRefresh.toNanosPart() != 0) {
            throw new IllegalArgumentException("composingRefresh must be whole seconds, at least 60: "
                    + composingRefresh);
        }
    }
}
