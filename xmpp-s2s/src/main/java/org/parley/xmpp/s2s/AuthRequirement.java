package org.parley.xmpp.s2s;

/** Per-domain authentication requirement of a {@link PeerDecision.Permitted}. */
public enum AuthRequirement {
    /** Only SASL EXTERNAL with a valid certificate (XEP-0178). */
    EXTERNAL,
    /** Only Server Dialback (XEP-0220). */
    DIALBACK,
    /** Whichever succeeds, EXTERNAL preferred. */
    ANY
}
