/**
 * The gateway's own event subscriptions (RFC 6665 subscriber role, presence per RFC 3856): dialog state,
 * refresh before expiry, NOTIFY handling and termination, reported as events; dialogs of an earlier run are
 * refreshed in place from their stored {@link org.parley.sip.SipDialogSnapshot}; a 423 Interval Too Brief is retried
 * once with the notifier's Min-Expires (RFC 6665 §4.1.2.1, §4.1.2.2; RFC 3261 §10.2.8).
 */
package org.parley.sip.subscription;
