package org.parley.sip.stack;

/** Decides, before the stack allocates a transaction, whether an inbound request is processed. */
public interface RequestPolicy {

    /** What to do with a request. */
    enum Verdict {
        ADMIT,
        /** Answer 400 Bad Request: a mandatory header field the stack does not check is missing. */
        MISSING_HEADER,
        /** Answer 413 Request Entity Too Large (RFC 3261 §21.4.11). */
        TOO_LARGE,
        /** Answer 503 Service Unavailable with Retry-After (RFC 3261 §21.5.4): the connection sends too fast. */
        RATE_LIMITED
    }

    /**
     * @param connection    identifies the TLS connection (peer address and port)
     * @param method        the request method
     * @param contentLength the declared body length
     */
    Verdict admit(String connection, String method, int contentLength);

    /**
     * The verdict on a request's form, before {@link #admit}: Max-Forwards must be present (RFC 3261 §8.1.1.6).
     * (The SIP version cannot be checked here: the stack's parser reads any {@code SIP/x.y} as SIP/2.0.)
     */
    static Verdict wellFormed(boolean hasMaxForwards) {
        return hasMaxForwards ? Verdict.ADMIT : Verdict.MISSING_HEADER;
    }
}
