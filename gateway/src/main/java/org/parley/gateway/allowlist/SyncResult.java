package org.parley.gateway.allowlist;

import java.util.List;

/** What {@link AllowListRepository#syncFromConfig} changed, by domain. */
public record SyncResult(List<DomainName> added, List<DomainName> changed, List<DomainName> removed) {

    public SyncResult {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Whether the store already matched the configuration. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
