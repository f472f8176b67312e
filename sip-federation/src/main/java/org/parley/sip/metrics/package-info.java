/** Micrometer meters of the SIP federation leg: transactions, edge connection state, TLS failures, refusals. */
package org.parley.sip.metrics;
