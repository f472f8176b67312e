/**
 * Presence and presence authorizations between remote XMPP users and local SIP users (RFC 8048, over RFC 6121,
 * RFC 3856 and RFC 6665), the first end-to-end slice of issue 6:
 * <ul>
 *   <li>{@link org.parley.gateway.route.presence.PresenceRoute}: the entry for presence stanzas from XMPP and
 *       subscription events from SIP; hands each to one of the two classes below.</li>
 *   <li>{@link org.parley.gateway.route.presence.SipPresentities}: an XMPP user watches a SIP user (§5.2): XMPP
 *       {@code subscribe} → SUBSCRIBE toward the edge, NOTIFYs → {@code subscribed} and presence, rejection →
 *       {@code unsubscribed}, {@code unsubscribe} → SUBSCRIBE with Expires 0, {@code probe} → last known.</li>
 *   <li>{@link org.parley.gateway.route.presence.SipWatchers}: a SIP user watches an XMPP user (§5.3): SUBSCRIBE
 *       from the edge → XMPP {@code subscribe} (and {@code probe} once authorized), {@code subscribed} → NOTIFY
 *       active, later presence of that user → NOTIFYs to every watcher.</li>
 *   <li>{@link org.parley.gateway.route.presence.WatcherBodies}: the body of those NOTIFYs, PIDF or Microsoft
 *       enhanced presence as negotiated from the watcher's Accept (406 when neither is acceptable).</li>
 *   <li>{@link org.parley.gateway.route.presence.XmppDomainLinks}: the s2s route to an XMPP domain lost or back
 *       (issue 6 item 4): its contacts' SIP watchers are notified closed, the domain probed with backoff until it
 *       returns, then every authorized contact there probed.</li>
 *   <li>{@link org.parley.gateway.route.presence.NotifyBodies}: a NOTIFY body → presence, read by Content-Type as
 *       PIDF (RFC 3863) or Microsoft enhanced presence categories ([MS-PRES]).</li>
 *   <li>{@link org.parley.gateway.route.presence.PresenceStanzas}: {@code <presence/>} ↔ the mapper's
 *       {@link org.parley.mapper.presence.XmppPresence}.</li>
 *   <li>{@link org.parley.gateway.route.presence.PacedSubscriber}: SUBSCRIBEs toward the edge at a bounded rate,
 *       first come first sent, so a restart or the edge's return does not send them all at once; slower until the
 *       edge has reached the gateway over its own connection, which
 *       {@link org.parley.gateway.route.presence.EdgeReachInbound} tells it from the requests the edge sends.</li>
 *   <li>{@link org.parley.gateway.route.presence.EdgeLinkWatch}: the edge link's pushed state changes → loss and
 *       return of SIP users' presence (issue 6 item 4).</li>
 *   <li>{@link org.parley.gateway.route.presence.PresenceMetrics}: the presence meters on {@code /metrics}.</li>
 * </ul>
 * Authorizations are recorded through {@link org.parley.gateway.presence.state.PresenceState}; an XMPP user is
 * told {@code subscribed}, and a SIP watcher is made active, only once the change is durable. Both kinds of SIP
 * subscription dialog are stored by {@link org.parley.gateway.route.presence.StoredDialogs} when accepted or
 * refreshed (never per NOTIFY) and taken back after a restart, so that neither side subscribes again (RFC 6665
 * §4.1.2.2, §4.2).
 */
package org.parley.gateway.route.presence;
