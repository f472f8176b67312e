/**
 * Server Dialback (XEP-0220) with the key generation of XEP-0185: keys, the persistent secret, and (with the
 * s2s session) the originating, receiving and authoritative roles.
 */
package org.parley.xmpp.dialback;
