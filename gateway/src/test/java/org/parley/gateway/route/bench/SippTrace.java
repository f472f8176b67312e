package org.parley.gateway.route.bench;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requests of one method in a sipp {@code -trace_msg} log (MESSAGEs by the number that ends their body, NOTIFYs
 * by a number in their body), with the time sipp sent or received each (microseconds since the epoch, from the local
 * date and time with microseconds on the trace's separator lines).
 */
final class SippTrace {

    private static final Pattern SEPARATOR =
            Pattern.compile("(?m)^-{20,} (\\d{4}-\\d{2}-\\d{2})\\s+(\\d{2}:\\d{2}:\\d{2})\\.(\\d{6})\\s*$");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)\\s*$");

    private SippTrace() {
    }

    /** Body number → time, for the MESSAGE requests the trace shows as sent ({@code sent}) or received. */
    static Map<Integer, Long> messageTimes(String trace, boolean sent) {
        return requestTimes(trace, "MESSAGE", sent, TRAILING_NUMBER);
    }

    /**
     * Number → time, for the requests of {@code method} the trace shows as sent ({@code sent}) or received, numbered
     * by the first group of {@code number} found in their body; requests without it are left out.
     */
    static Map<Integer, Long> requestTimes(String trace, String method, boolean sent, Pattern number) {
        Map<Integer, Long> times = new HashMap<>();
        Matcher separator = SEPARATOR.matcher(trace);
        boolean found = separator.find();
        while (found) {
            long micros = LocalDateTime.parse(separator.group(1) + "T" + separator.group(2))
                    .atZone(ZoneId.systemDefault()).toEpochSecond() * 1_000_000L + Long.parseLong(separator.group(3));
            int blockStart = separator.end();
            found = separator.find();
            String block = trace.substring(blockStart, found ? separator.start() : trace.length());
            record(block, micros, method, sent, number, times);
        }
        return times;
    }

    private static void record(String block, long micros, String method, boolean sent, Pattern pattern,
                               Map<Integer, Long> times) {
        String[] lines = block.strip().split("\n", 3);
        if (lines.length < 3 || lines[0].contains(sent ? "received" : "sent")
                || !lines[2].strip().startsWith(method + " ")) {
            return;
        }
        String message = lines[2].replace("\r", "");
        int bodyStart = message.indexOf("\n\n");
        if (bodyStart < 0) {
            return;
        }
        Matcher number = pattern.matcher(message.substring(bodyStart));
        if (number.find()) {
            times.putIfAbsent(Integer.parseInt(number.group(1)), micros);
        }
    }
}
