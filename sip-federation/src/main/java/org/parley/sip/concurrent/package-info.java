/**
 * Ordering on shared worker pools: {@link org.parley.sip.concurrent.KeyedLanes} runs the work of one sender in
 * the order it arrived (RFC 6120 §10.1 for stanzas; RFC 3428 asks no reordering of MESSAGEs be added) while
 * different senders run in parallel. Used by this module for inbound MESSAGEs and by the gateway's routes.
 */
package org.parley.sip.concurrent;
