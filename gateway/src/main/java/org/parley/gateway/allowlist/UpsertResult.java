package org.parley.gateway.allowlist;

/** The outcome of {@link AllowListRepository#upsert}: the entry as stored and what happened to it. */
public record UpsertResult(AllowListEntry entry, Outcome outcome) {

    /** Whether the domain was new, changed, or already exactly so (then nothing was written). */
    public enum Outcome { ADDED, CHANGED, UNCHANGED }
}
