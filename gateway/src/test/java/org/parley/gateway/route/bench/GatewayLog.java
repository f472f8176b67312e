package org.parley.gateway.route.bench;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's output as written with {@code logback-presence-bench.xml}: when a line appeared (µs since the
 * epoch, from its ISO date and time with milliseconds) and which lines are warnings or errors.
 */
record GatewayLog(String text) {

    private static final Pattern STAMP = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}) ");

    /** The time of the first line containing {@code marker}, and the line. */
    Optional<Stamped> first(String marker) {
        for (String line : text.split("\n")) {
            Matcher stamp = STAMP.matcher(line);
            if (line.contains(marker) && stamp.find()) {
                long micros = LocalDateTime.parse(stamp.group(1)).atZone(ZoneId.systemDefault()).toInstant()
                        .toEpochMilli() * 1000;
                return Optional.of(new Stamped(micros, line));
            }
        }
        return Optional.empty();
    }

    /** The lines logged at WARN or ERROR. */
    List<String> problems() {
        return text.lines().filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")
                || line.contains("Exception") || line.contains("OutOfMemoryError")).toList();
    }

    /** A log line and when it was written. */
    record Stamped(long epochMicros, String line) {
    }
}
