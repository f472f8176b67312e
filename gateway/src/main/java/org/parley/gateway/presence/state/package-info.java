/**
 * The durable presence state of RFC 8048 (issue 6, items 3 and 5): presence authorizations between local SIP
 * users and remote XMPP contacts (§5), the SIP subscription dialogs the gateway holds with the edge (RFC 6665),
 * and the last known presence of each XMPP resource, so that a restart, even after {@code kill -9}, loses
 * nothing and nobody has to re-add anybody.
 *
 * <ul>
 *   <li>{@link org.parley.gateway.presence.state.PresenceState}: the one object the gateway holds. Opened at
 *       start-up, it loads everything ({@link org.parley.gateway.presence.state.RestoredState}: what to refresh,
 *       re-create and re-probe, handed out once), serves the routes' lookups from memory
 *       ({@link org.parley.gateway.presence.state.PresenceStateCache}: SIP-to-XMPP authorizations and last known
 *       presence only; dialogs and XMPP-to-SIP authorizations are held by the SIP module and the routes, one copy
 *       each) and takes changes ({@link org.parley.gateway.presence.state.StateChange}) whose stages complete once
 *       they are durable.</li>
 *   <li>{@link org.parley.gateway.presence.state.StateWriter}: write-behind on a thread of its own; batches,
 *       coalesces per key, bounded with immediate refusal, flushes on close.</li>
 *   <li>{@link org.parley.gateway.presence.state.PresenceStateRepository}: the SQL, over tables
 *       {@code presence_authorization}, {@code sip_subscription}, {@code last_presence} and
 *       {@code last_presence_status} (migration {@code V2__presence_state.sql}), portable between H2 and
 *       PostgreSQL.</li>
 * </ul>
 * Every change puts or removes one whole item under its {@link org.parley.gateway.presence.state.StateKey}, so a
 * later change for a key supersedes earlier ones. Records are immutable; nothing here blocks a caller on I/O
 * except {@code PresenceState.open} and the repository, which run at start-up or on the writer thread.
 */
package org.parley.gateway.presence.state;
