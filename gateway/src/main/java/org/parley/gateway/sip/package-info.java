/**
 * The gateway's side of the SIP leg: the sip-federation module (JAIN-SIP over mutual TLS to and from the Access
 * Edge) configured from {@code <sip>}, offering the SIP outbound port to the routes.
 */
package org.parley.gateway.sip;
