/**
 * The durable presence state of RFC 8048 (issue 6, "durable state"): presence authorizations between local SIP
 * users and remote XMPP contacts (§5), the SIP subscription dialogs the gateway holds with the edge (RFC 6665),
 * and the last known presence of each XMPP resource, so that a restart, even after {@code kill -9}, loses
 * nothing and nobody has to re-add anybody.
 *
 * <p>Storage: tables {@code presence_authorization}, {@code sip_subscription}, {@code last_presence} and
 * {@code last_presence_status} (migration {@code V2__presence_state.sql}), read and written by
 * {@link org.parley.gateway.presence.state.PresenceStateRepository}. Every
 * {@link org.parley.gateway.presence.state.StateChange} puts or removes one whole item under its
 * {@link org.parley.gateway.presence.state.StateKey}, so a later change for a key supersedes earlier ones.
 * {@link org.parley.gateway.presence.state.PresenceStateRepository#load} returns a
 * {@link org.parley.gateway.presence.state.RestoredState} saying what to refresh, re-create and re-probe.
 */
package org.parley.gateway.presence.state;
