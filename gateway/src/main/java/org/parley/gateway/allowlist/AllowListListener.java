package org.parley.gateway.allowlist;

/**
 * Told by {@link AllowList} when it observes a change in the store, e.g. so the s2s layer can close streams to a
 * domain that was removed or disabled. Called on the allow list's poller thread: return quickly and do not block
 * on the network; exceptions are logged and do not stop polling.
 */
@FunctionalInterface
public interface AllowListListener {

    /** {@code diff} is non-empty; {@code current} is the snapshot now in effect. */
    void allowListChanged(AllowListDiff diff, AllowListSnapshot current);
}
