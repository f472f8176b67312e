/**
 * The gateway's side of the SIP leg: the sip-federation module (JAIN-SIP over mutual TLS to and from the Access
 * Edge) configured from {@code <sip>}, and what happens to SIP requests for which no route exists.
 */
package org.parley.gateway.sip;
