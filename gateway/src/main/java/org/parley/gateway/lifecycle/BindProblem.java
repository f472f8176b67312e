package org.parley.gateway.lifecycle;

import java.util.Locale;

/** Why a listener could not bind its configured address, each with the advice given to the administrator. */
public enum BindProblem {

    /** Another process (or another listener of this one) already holds the address and port. */
    ADDRESS_IN_USE("address already in use", "stop the other process or change %2$s in %3$s"),

    /** The address is not one of this host's addresses. */
    ADDRESS_NOT_AVAILABLE("address not available on this host",
            "use one of this host's addresses (or 0.0.0.0) in %1$s in %3$s"),

    /** The port is privileged (below 1024) or a security policy forbids binding it. */
    PERMISSION_DENIED("permission denied",
            "ports below 1024 need privileges: change %2$s in %3$s or grant the capability to bind them"),

    /** The configured host name does not resolve to an address. */
    UNRESOLVED("host name does not resolve", "change %1$s in %3$s"),

    /** Any other failure to bind; the cause's message is shown. */
    OTHER("cannot bind", "check %1$s and %2$s in %3$s");

    private final String reason;
    private final String advice;

    BindProblem(String reason, String advice) {
        this.reason = reason;
        this.advice = advice;
    }

    /** Short phrase for the message, e.g. {@code "address already in use"}. */
    public String reason() {
        return reason;
    }

    /** What to do about it, naming the attributes of {@code target} in {@code configFile}. */
    public String advice(ListenTarget target, String configFile) {
        return String.format(Locale.ROOT, advice, target.attribute("address"), target.attribute("port"), configFile);
    }

    /**
     * Classifies the text of an I/O error (the JDK's and Netty's native transports use the operating system's
     * wording), or {@code null} if the text does not describe a bind problem.
     */
    static BindProblem fromMessage(String message) {
        if (message == null) {
            return null;
        }
        String text = message.toLowerCase(Locale.ROOT);
        if (text.contains("address already in use") || text.contains("address in use")) {
            return ADDRESS_IN_USE;
        }
        if (text.contains("cannot assign requested address") || text.contains("address not available")) {
            return ADDRESS_NOT_AVAILABLE;
        }
        if (text.contains("permission denied") || text.contains("access denied")) {
            return PERMISSION_DENIED;
        }
        return null;
    }
}
