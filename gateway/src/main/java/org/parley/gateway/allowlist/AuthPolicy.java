package org.parley.gateway.allowlist;

/**
 * Per-domain s2s authentication policy: SASL EXTERNAL with a certificate (XEP-0178), Server Dialback
 * (XEP-0220), or whichever succeeds.
 */
public enum AuthPolicy {
    EXTERNAL, DIALBACK, ANY;

    /** The spelling used in the XML configuration, the CLI and the store. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
