package org.parley.mapper.presence;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.parley.mapper.pidf.PidfContact;

/**
 * XMPP {@code <priority/>} (−128..127) ↔ PIDF contact {@code priority} (qvalue 0..1, three decimals), RFC 8048
 * §6.2 Table 1 note 6 and §6.3 note 2.
 *
 * <p>XMPP → SIP: a negative priority is not mapped (MUST NOT); 0..127 map to {@code floor(1000·p/127)/1000},
 * which gives exactly the RFC's examples (0 → 0, 1 → 0.007, 2 → 0.015, 126 → 0.992, 127 → 1) and is one-to-one
 * because 1000/127 &gt; 1. SIP → XMPP: {@code round(127·q)}, half up, which inverts the forward mapping exactly
 * (each image lies less than 0.127 above {@code p/127·1000} thousandths) and sends any other qvalue to the
 * nearest XMPP priority.
 */
public final class PriorityScale {

    private static final BigDecimal STEPS = BigDecimal.valueOf(127);

    private PriorityScale() {
    }

    /** The PIDF priority for an XMPP priority; empty for a negative one. */
    public static Optional<BigDecimal> toPidf(int xmppPriority) {
        if (xmppPriority < -128 || xmppPriority > 127) {
            throw new IllegalArgumentException("XMPP priority out of range: " + xmppPriority);
        }
        if (xmppPriority < 0) {
            return Optional.empty();
        }
        return Optional.of(BigDecimal.valueOf(xmppPriority).divide(STEPS, 3, RoundingMode.FLOOR));
    }

    /** The XMPP priority (0..127) for a PIDF qvalue. */
    public static int toXmpp(BigDecimal pidfPriority) {
        if (!PidfContact.isQvalue(pidfPriority)) {
            throw new IllegalArgumentException("not a qvalue: " + pidfPriority);
        }
        return pidfPriority.multiply(STEPS).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
