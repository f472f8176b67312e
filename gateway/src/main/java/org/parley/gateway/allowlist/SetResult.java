package org.parley.gateway.allowlist;

/** The outcome of {@link AllowListRepository#set}: the updated entry, or the domain was not listed. */
public sealed interface SetResult {

    /** The entry as stored after the patch; {@code changed} is false when the patch changed nothing. */
    record Updated(AllowListEntry entry, boolean changed) implements SetResult { }

    /** No entry for {@code domain}; nothing was written. */
    record NotFound(DomainName domain) implements SetResult { }
}
