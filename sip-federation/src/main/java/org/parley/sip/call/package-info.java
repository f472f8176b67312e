/**
 * Call plumbing (RFC 3261 §9, §12–15): INVITE dialogs in both directions, the ACK for a received 2xx sent
 * from the dialog, CANCEL held until a provisional response (§9.1), incoming CANCEL answered 200 with 487 for
 * the INVITE (§9.2), the ACK of the gateway's 2xx awaited (§13.3.1.4), BYE either way (§15). Media and SDP
 * content are the application's; this package only carries the bodies.
 */
package org.parley.sip.call;
