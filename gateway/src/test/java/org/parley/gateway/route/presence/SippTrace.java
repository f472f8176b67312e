package org.parley.gateway.route.presence;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** The SIP messages a sipp run received, read from its {@code -trace_msg} file (for assertions on NOTIFYs). */
final class SippTrace {

    private static final Pattern ENTRY = Pattern.compile("(?m)^-{20,} .*$");

    private SippTrace() {
    }

    /** The received requests with {@code method}, whole (start line, headers, body), in order. */
    static List<String> received(String trace, String method) {
        return Arrays.stream(ENTRY.split(trace))
                .filter(entry -> entry.contains("message received"))
                .map(entry -> entry.substring(entry.indexOf(':') + 1).strip())
                .filter(message -> message.startsWith(method + " "))
                .toList();
    }
}
