/**
 * Requests within a dialog (RFC 3261 §12.2.1.1) for subscription dialogs (RFC 6665): over a dialog the stack holds,
 * or over a {@link org.parley.sip.SipDialogSnapshot} when the stack does not know the dialog any more — after a
 * restart, so that watchers and the gateway's own subscriptions survive it, and once a new dialog is established
 * ({@link org.parley.sip.dialog.ReleasingDialogPath}), so that no subscription keeps the stack's dialog with its
 * first transaction and request.
 */
package org.parley.sip.dialog;
