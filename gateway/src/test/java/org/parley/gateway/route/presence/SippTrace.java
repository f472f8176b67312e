package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The SIP messages of a sipp run, read from its {@code -trace_msg} file, and their header fields (for assertions). */
final class SippTrace {

    /** One message of the trace: a dashed line, "TCP message received [n] bytes :" or "sent", then the message. */
    private static final Pattern MESSAGE = Pattern.compile("message (received|sent) [^\\n]*\\n(.*?)(?=\\n-{20,} |\\z)",
            Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile(";\\s*tag=([^;\\s>]+)");

    private SippTrace() {
    }

    /** The messages sipp {@code direction} ("received" or "sent"), whole (start line, headers, body), in order. */
    static List<String> messages(String trace, String direction) {
        List<String> found = new ArrayList<>();
        Matcher matcher = MESSAGE.matcher(trace);
        while (matcher.find()) {
            if (matcher.group(1).equals(direction)) {
                found.add(matcher.group(2).strip());
            }
        }
        return found;
    }

    /** The received requests with {@code method}, whole, in order. */
    static List<String> received(String trace, String method) {
        return messages(trace, "received").stream().filter(message -> message.startsWith(method + " ")).toList();
    }

    /** The value of header field {@code name} (its first line, the name matched without regard to case). */
    static String header(String message, String name) {
        Matcher matcher = Pattern.compile("(?mi)^" + Pattern.quote(name) + "\\s*:\\s*(.*)$").matcher(message);
        assertThat(matcher.find()).as(name + " in\n" + message).isTrue();
        return matcher.group(1).strip();
    }

    /** The {@code tag} parameter of a From or To value. */
    static String tag(String value) {
        Matcher matcher = TAG.matcher(value);
        assertThat(matcher.find()).as("tag in " + value).isTrue();
        return matcher.group(1);
    }
}
