/**
 * The IM routes between XMPP federation and the SIP leg (RFC 7247, RFC 7572, RFC 7573, XEP-0184): what is shared by
 * both directions — the routing rule ({@link org.parley.gateway.route.RoutePolicy}), the conversion of s2s message
 * stanzas to and from the mapper's records ({@link org.parley.gateway.route.MessageStanzaReader},
 * {@link org.parley.gateway.route.MessageStanzaWriter}, {@link org.parley.gateway.route.StanzaErrors}), the SIP
 * transactions waiting for the XMPP side ({@link org.parley.gateway.route.PendingDeliveries}), the route threads
 * ({@link org.parley.gateway.route.RouteWorkers}) and meters ({@link org.parley.gateway.route.RouteMetrics}). Each
 * direction lives in the package named for it: {@code xmpp2sip} and {@code sip2xmpp}.
 *
 * <h2>Routing rules</h2>
 * <ul>
 *   <li>Messages pass only between a local SIP user ({@code user@D}, D both a configured SIP and XMPP domain) and a
 *       user of a remote XMPP domain the allow list permits. External ⇄ external, local ⇄ local and unknown local
 *       domains are refused with an error and never relayed (ROBUSTNESS 16).</li>
 *   <li>Loops: a message whose source and target are both on the gateway's side is refused by the address mapping
 *       (forbidden / item-not-found); a SIP request whose Via already names the gateway's FQDN is answered 482.</li>
 *   <li>Order: what one sender sent is handled one at a time in arrival order, in both directions and on every
 *       hand-off between threads ({@link org.parley.sip.concurrent.KeyedLanes}, RFC 6120 §10.1); different senders
 *       run in parallel.</li>
 *   <li>Nothing is silently lost: every message ends {@link org.parley.gateway.route.RouteOutcome delivered,
 *       bounced, refused or absorbed}, counted in {@code parley.route.messages}, and every bounced or refused one
 *       with an error to its sender.</li>
 * </ul>
 * See {@code docs/routing.md} for what the gateway answers when.
 */
package org.parley.gateway.route;
