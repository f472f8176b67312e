/**
 * The gateway's own event subscriptions (RFC 6665 subscriber role, presence per RFC 3856): dialog state,
 * refresh before expiry, NOTIFY handling and termination, reported as events; dialogs of an earlier run are
 * refreshed in place from their stored {@link org.parley.sip.SipDialogSnapshot}.
 */
package org.parley.sip.subscription;
