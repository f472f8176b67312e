package org.parley.gateway.allowlist;

/** Per-domain TLS policy on s2s streams (RFC 6120 §5): whether STARTTLS must, may or must not be used. */
public enum TlsPolicy {
    REQUIRED, OPTIONAL, DISABLED;

    /** The spelling used in the XML configuration, the CLI and the store. */
    public String token() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
