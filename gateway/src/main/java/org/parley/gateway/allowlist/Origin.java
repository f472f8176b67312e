package org.parley.gateway.allowlist;

import java.util.Locale;

/** Who last defined an allow-list entry: the XML configuration (re-applied at every start) or the CLI. */
public enum Origin {
    CONFIG, CLI;

    /** The spelling used in the store and shown by the CLI. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }
}
