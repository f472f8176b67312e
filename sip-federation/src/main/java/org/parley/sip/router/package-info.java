/**
 * Inbound dispatch: the single {@link org.parley.sip.router.SipEventRouter} and its small per-method handlers
 * (delivery to the application, OPTIONS, 405/501 refusals), responders over server transactions (RFC 3261
 * §8.2.6, §17.2), and admission of inbound requests (413, per-connection rate limit with 503).
 */
package org.parley.sip.router;
