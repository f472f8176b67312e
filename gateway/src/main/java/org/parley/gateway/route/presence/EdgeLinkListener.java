package org.parley.gateway.route.presence;

/** Told when the link to the Access Edge is lost and when it is back ({@link EdgeLinkWatch}). */
public interface EdgeLinkListener {

    /** The edge cannot be reached: SIP-side presence is no longer known. */
    void edgeLost();

    /** The edge can be reached again. */
    void edgeRestored();
}
