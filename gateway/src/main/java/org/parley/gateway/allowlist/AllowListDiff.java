package org.parley.gateway.allowlist;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** What changed between two {@link AllowListSnapshot}s; each list is ordered by domain. */
public record AllowListDiff(List<AllowListEntry> added, List<Change> changed, List<AllowListEntry> removed) {

    /** One entry before and after a change. */
    public record Change(AllowListEntry before, AllowListEntry after) { }

    public AllowListDiff {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** The entries added, changed (not equal) and removed going from {@code before} to {@code after}. */
    public static AllowListDiff between(AllowListSnapshot before, AllowListSnapshot after) {
        List<AllowListEntry> added = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<AllowListEntry> removed = new ArrayList<>();
        for (AllowListEntry entry : after.sorted()) {
            before.lookup(entry.domain()).ifPresentOrElse(
                    old -> {
                        if (!old.equals(entry)) {
                            changed.add(new Change(old, entry));
                        }
                    },
                    () -> added.add(entry));
        }
        for (AllowListEntry entry : before.sorted()) {
            if (after.lookup(entry.domain()).isEmpty()) {
                removed.add(entry);
            }
        }
        changed.sort(Comparator.comparing(c -> c.after().domain().value()));
        return new AllowListDiff(added, changed, removed);
    }

    /** Whether nothing changed. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
