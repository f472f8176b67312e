package org.parley.sip;

/**
 * The SIP leg could not start: the listener could not bind (address in use, not local, no permission) or the
 * stack refused its configuration. The message names the address and the cause.
 */
public final class SipStartException extends Exception {

    private static final long serialVersionUID = 1L;

    public SipStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
