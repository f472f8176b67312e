package org.parley.mapper.presence;

import java.util.Objects;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.pidf.MsCategories;
import org.parley.mapper.pidf.PidfDocument;

/**
 * A SIP SUBSCRIBE the gateway should send for an XMPP user (RFC 8048 §5.2, §7.1; RFC 3856; RFC 6665 §4.1.2): always
 * {@code Event: presence} and {@code Accept: application/pidf+xml, application/msrtc-event-categories+xml}; the kind says whether it opens a new dialog
 * and the Expires it carries.
 *
 * @param subscriber the XMPP user as a bare SIP address (From)
 * @param presentity the SIP user watched (Request-URI and To)
 */
public record SubscribeIntent(Kind kind, SipAddress subscriber, SipAddress presentity, int expiresSeconds) {

    /** The event package (RFC 3856 §6.2). */
    public static final String EVENT = "presence";
    /** The body types accepted in NOTIFYs (RFC 3856 §6.7): PIDF, then Microsoft enhanced presence ([MS-PRES]). */
    public static final String ACCEPT = PidfDocument.MEDIA_TYPE + ", " + MsCategories.MEDIA_TYPE;

    /** What the SUBSCRIBE is for. */
    public enum Kind {
        /** Create a notification dialog (RFC 8048 §5.2.1); Expires from the settings. */
        SUBSCRIBE(true),
        /** Refresh an existing dialog before it expires (§5.2.2); Expires from the settings. */
        REFRESH(false),
        /** End the dialog: Expires 0 inside it (§5.2.3). */
        UNSUBSCRIBE(false),
        /** One-time fetch for a probe: Expires 0 in a new dialog (§7.1). */
        FETCH(true);

        private final boolean newDialog;

        Kind(boolean newDialog) {
            this.newDialog = newDialog;
        }

        /** Whether the SUBSCRIBE is sent outside any dialog (a new Call-ID, no To tag). */
        public boolean newDialog() {
            return newDialog;
        }

        /** Whether the SUBSCRIBE carries {@code Expires: 0}. */
        public boolean endsAtOnce() {
            return this == UNSUBSCRIBE || this == FETCH;
        }
    }

    /** Requires Expires 0 exactly for unsubscribe and fetch, and bare SIP addresses. */
    public SubscribeIntent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(presentity, "presentity");
        if (kind.endsAtOnce() != (expiresSeconds == 0) || expiresSeconds < 0) {
            throw new IllegalArgumentException(kind + " cannot carry Expires " + expiresSeconds);
        }
        if (subscriber.gruu().isPresent() || presentity.gruu().isPresent()) {
            throw new IllegalArgumentException("SUBSCRIBE is between addresses of record, without ;gr=");
        }
    }

    /** The same SUBSCRIBE asking for {@code minExpires} after a 423 Interval Too Brief (RFC 6665 §4.1.2.1). */
    public SubscribeIntent withMinExpires(int minExpires) {
        if (kind.endsAtOnce()) {
            throw new IllegalStateException("an Expires 0 request is never too brief");
        }
        return new SubscribeIntent(kind, subscriber, presentity, Math.max(expiresSeconds, minExpires));
    }
}
