/**
 * The connection toward the Access Edge: locating it (RFC 3263 §4 for TLS, dnsjava), OPTIONS keep-alives
 * (RFC 3261 §11), fast detection of a lost connection, and reconnects with jittered exponential backoff.
 */
package org.parley.sip.edge;
