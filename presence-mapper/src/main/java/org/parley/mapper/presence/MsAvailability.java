package org.parley.mapper.presence;

import java.util.Optional;

/**
 * Microsoft enhanced presence availability numbers ([MS-PRES] {@code state} category, {@code <availability>} of
 * type {@code xs:unsignedInt}) in the bands OCS 2007 and Lync 2010/2013 document, and the XMPP presence each band
 * maps to.
 *
 * <pre>
 *  band             range           typical  XMPP
 *  NONE             0               0        unavailable   (UCMA PresenceAvailability.None: nothing published)
 *  ONLINE           1–4499          3500     available     (OCS 2007: 3000–4499; Lync 2010/2013: 0–4499)
 *  IDLE_ONLINE      4500–5999       5000     away          (online but inactive)
 *  BUSY             6000–7499       6500     dnd
 *  IDLE_BUSY        7500–8999       7500     dnd           (busy dominates idleness)
 *  DO_NOT_DISTURB   9000–11999      9500     dnd
 *  BE_RIGHT_BACK    12000–14999     12500    away
 *  AWAY             15000–17999     15500    xa            (Lync "Away" / "Off work": not at the desk)
 *  OFFLINE          18000–2³²−1     18500    unavailable   (offline or "appear offline")
 * </pre>
 * The typical number is the one Microsoft clients and UCMA publish for the band; the gateway writes it when it
 * maps XMPP presence to enhanced presence ({@link XmppToMsCategories}).
 * Sources: Microsoft Learn, OCS 2007 "userStateAvailability Element" (3000–4499 Online … 18000+ Appear Offline)
 * and Lync 2010/2013 "state/availability element" (0–4499 Available … 18000 and higher Offline). The two differ
 * only below 3000; values 1–2999 are read as online, as Lync documents, and 0 as not set.
 */
public enum MsAvailability {
    /** 0: no availability set. */
    NONE(0, 0, 0, PresenceType.UNAVAILABLE, Show.ABSENT),
    /** Online, reachable. */
    ONLINE(1, 4499, 3500, PresenceType.AVAILABLE, Show.ABSENT),
    /** Online but inactive. */
    IDLE_ONLINE(4500, 5999, 5000, PresenceType.AVAILABLE, Show.AWAY),
    /** Busy. */
    BUSY(6000, 7499, 6500, PresenceType.AVAILABLE, Show.DND),
    /** Busy but inactive. */
    IDLE_BUSY(7500, 8999, 7500, PresenceType.AVAILABLE, Show.DND),
    /** Do not disturb. */
    DO_NOT_DISTURB(9000, 11999, 9500, PresenceType.AVAILABLE, Show.DND),
    /** Be right back: briefly not reachable. */
    BE_RIGHT_BACK(12000, 14999, 12500, PresenceType.AVAILABLE, Show.AWAY),
    /** Away: not at the desk. */
    AWAY(15000, 17999, 15500, PresenceType.AVAILABLE, Show.XA),
    /** Offline or appearing offline. */
    OFFLINE(18000, 0xFFFF_FFFFL, 18500, PresenceType.UNAVAILABLE, Show.ABSENT);

    private final long low;
    private final long high;
    private final long typical;
    private final PresenceType type;
    private final Show show;

    MsAvailability(long low, long high, long typical, PresenceType type, Show show) {
        this.low = low;
        this.high = high;
        this.typical = typical;
        this.type = type;
        this.show = show;
    }

    /** The band holding {@code availability}; empty outside 0..2³²−1. */
    public static Optional<MsAvailability> of(long availability) {
        for (MsAvailability band : values()) {
            if (availability >= band.low && availability <= band.high) {
                return Optional.of(band);
            }
        }
        return Optional.empty();
    }

    /** The lowest number in the band. */
    public long low() {
        return low;
    }

    /** The highest number in the band. */
    public long high() {
        return high;
    }

    /** The number Microsoft clients publish for this band (within {@link #low()}..{@link #high()}). */
    public long typical() {
        return typical;
    }

    /** {@link PresenceType#AVAILABLE} or {@link PresenceType#UNAVAILABLE}. */
    public PresenceType type() {
        return type;
    }

    /** The show of the available presence; {@link Show#ABSENT} for unavailable bands. */
    public Show show() {
        return show;
    }
}
