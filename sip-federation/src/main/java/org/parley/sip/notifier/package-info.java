/**
 * The gateway as notifier (RFC 6665 §4.2; the presence event package, RFC 3856): SUBSCRIBEs from the edge
 * become watchers with their dialog, granted duration and expiry timer kept here; the application decides
 * through {@link org.parley.sip.SipNotifier} (or the module accepts as pending when it does not decide in
 * time); refreshes and unsubscriptions are answered here; NOTIFYs go out one at a time per dialog. Watchers of an
 * earlier run are resumed from their stored {@link org.parley.sip.SipDialogSnapshot}
 * ({@link org.parley.sip.SipWatcherRegistry}).
 */
package org.parley.sip.notifier;
