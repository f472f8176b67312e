package org.parley.gateway.route.sip2xmpp;

import java.util.List;
import java.util.Locale;
import org.parley.sip.SipHeader;

/**
 * Loop detection for requests arriving from the edge (RFC 3261 §16.3 item 4): a request whose Via headers already
 * name the gateway's own FQDN as sent-by went out through the gateway and came back, and is answered 482 Loop
 * Detected instead of being routed again.
 */
final class ViaLoop {

    private ViaLoop() {
    }

    /** Whether a Via in {@code headers} has {@code fqdn} as its sent-by host. */
    static boolean passedThrough(List<SipHeader> headers, String fqdn) {
        String own = fqdn.toLowerCase(Locale.ROOT);
        return headers.stream()
                .filter(h -> h.name().equalsIgnoreCase("Via") || h.name().equals("v"))
                .flatMap(h -> List.of(h.value().split(",")).stream())
                .map(ViaLoop::sentByHost)
                .anyMatch(own::equals);
    }

    /** The host of {@code SIP/2.0/TLS host:port;params}, lower case; {@code ""} when there is none. */
    static String sentByHost(String via) {
        String[] parts = via.strip().split("\\s+", 2);
        if (parts.length < 2) {
            return "";
        }
        String sentBy = parts[1].strip();
        int end = sentBy.length();
        for (char stop : new char[] {';', ':', ' '}) {
            int at = sentBy.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return sentBy.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
