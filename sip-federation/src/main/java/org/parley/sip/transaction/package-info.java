/**
 * Outbound requests and client transactions (RFC 3261 §8.1, §17.1): building requests with the gateway's
 * FQDN, sending them off the caller's thread, and ending each with exactly one typed outcome.
 */
package org.parley.sip.transaction;
