package org.parley.gateway.presence.state;

/**
 * Identifies one stored item: an authorization, a dialog or the last presence of one resource. Every
 * {@link StateChange} replaces or removes the whole item under its key, so for any key only the latest change
 * matters (which is what lets {@link StateWriter} coalesce).
 */
public sealed interface StateKey permits AuthorizationKey, DialogId, PresenceKey {
}
