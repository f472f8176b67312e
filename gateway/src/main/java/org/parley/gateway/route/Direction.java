package org.parley.gateway.route;

/** Which way a message crosses the gateway; the {@code direction} tag of the route metrics. */
public enum Direction {
    /** From a remote XMPP user to a local SIP user (RFC 7572 §4). */
    XMPP_TO_SIP("xmpp-to-sip"),
    /** From a local SIP user to a remote XMPP user (RFC 7572 §5). */
    SIP_TO_XMPP("sip-to-xmpp");

    private final String tag;

    Direction(String tag) {
        this.tag = tag;
    }

    /** The metric tag value, e.g. {@code xmpp-to-sip}. */
    public String tag() {
        return tag;
    }
}
