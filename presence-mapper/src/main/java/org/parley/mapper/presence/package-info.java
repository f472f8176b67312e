/**
 * Presence and presence authorizations between XMPP and SIP: RFC 8048 (which obsoletes RFC 7248), over RFC 6121
 * (XMPP presence), RFC 3856 (SIP presence event package), RFC 6665 (SUBSCRIBE/NOTIFY) and the PIDF formats of
 * {@code org.parley.mapper.pidf}. Pure decisions and translations: records in, records out, no timers, no I/O.
 * Section numbers below are those of RFC 8048 (§5 authorizations, §6 notifications, §7 polling).
 *
 * <h2>Notifications (§6)</h2>
 * {@link org.parley.mapper.presence.XmppToPidf} (§6.2 Table 1) and {@link org.parley.mapper.presence.PidfToXmpp}
 * (§6.3 Table 2), with {@link org.parley.mapper.presence.MsCategoriesToXmpp} for a Microsoft edge:
 * <pre>
 *  XMPP                          PIDF                                          rule
 *  no type / unavailable         &lt;basic&gt;open / closed                           §6.2 notes 4, 5; §6.3 note 1
 *  resourcepart                  tuple id ID-res (IDX-hex if not an NCName)    §6.2 note 2, {@link org.parley.mapper.presence.TupleIds}
 *  &lt;show/&gt;                       &lt;show xmlns='jabber:client'&gt; in the status     §6.2 note 7, §6.3 note 3
 *  &lt;show/&gt;                       RPID activity of the most available resource  {@link org.parley.mapper.presence.ShowActivityTable}
 *  &lt;status xml:lang/&gt;            &lt;note xml:lang&gt;                                Tables 1 and 2
 *  &lt;priority/&gt; 0..127            &lt;contact priority&gt; floor(1000p/127)/1000     §6.2 note 6, {@link org.parley.mapper.presence.PriorityScale}
 *  &lt;priority/&gt; &lt; 0              (not mapped)                                  §6.2 note 6 (MUST NOT)
 *  from (full JID)               entity sip:user@domain; contact ;gr=resource  RFC 7247 §6.3
 * </pre>
 * Show ↔ RPID activity, the one table ({@link org.parley.mapper.presence.ShowActivityTable}):
 * <pre>
 *  show     written   read from
 *  (none)   —         —
 *  chat     —         —
 *  away     away      away, breakfast, lunch, dinner, meal, shopping, in-transit
 *  xa       away      vacation, holiday, travel, sleeping, permanent-absence
 *  dnd      busy      busy, on-the-phone, meeting, appointment, presentation, performance, steering, worship,
 *                     spectator
 * </pre>
 * Reading: the tuple's embedded show wins over activities; of several activities the least available show wins.
 * Microsoft availability numbers ({@link org.parley.mapper.presence.MsAvailability}): 0 not set → unavailable;
 * 1–4499 online → available; 4500–5999 idle → away; 6000–7499 busy, 7500–8999 idle-busy, 9000–11999 do not
 * disturb → dnd; 12000–14999 be right back → away; 15000–17999 away → xa; 18000+ offline → unavailable.
 * Written for a watcher that accepts only enhanced presence ({@link org.parley.mapper.presence.XmppToMsCategories},
 * the body chosen by {@link org.parley.mapper.presence.AcceptNegotiation}), from the most available resource: chat
 * and no show → 3500 online; away → 12500 be right back; xa → 15500 away; dnd → 9500 do not disturb; no open
 * resource → 18500 offline; its status → the personal note.
 *
 * <h2>Authorizations and dialogs (§5, §7): decision tables</h2>
 * <ul>
 *   <li>{@link org.parley.mapper.presence.XmppPresenceAction}: XMPP stanza type → subscribe / unsubscribe (Expires
 *       0) / fetch or reply for a probe / NOTIFY active, rejected or presence.</li>
 *   <li>{@link org.parley.mapper.presence.SubscribeResponseAction}: final response to the gateway's SUBSCRIBE;
 *       403, 489 and 603 end the authorization, 423 and 481 are transient (§5.2.2).</li>
 *   <li>{@link org.parley.mapper.presence.NotifyAction}: {@code Subscription-State} of a NOTIFY in the gateway's
 *       dialog; {@code pending} produces no stanza, the first {@code active} produces {@code subscribed}
 *       (§5.2.1), termination reasons per RFC 6665 §4.1.3.</li>
 *   <li>{@link org.parley.mapper.presence.InboundSubscribeAction}: SUBSCRIBE from a SIP user → pending/active,
 *       refresh, terminate (§5.3.3) or fetch (§7.2).</li>
 * </ul>
 * {@link org.parley.mapper.presence.SubscriptionMapper} builds the {@link org.parley.mapper.presence.SubscribeIntent}
 * (Event: presence, Expires from {@link org.parley.mapper.presence.SubscriptionSettings}, 3600 by default) and
 * the XMPP authorization stanzas; {@link org.parley.mapper.presence.SubscriptionState} reads and writes the
 * {@code Subscription-State} header.
 */
package org.parley.mapper.presence;
