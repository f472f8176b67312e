package org.parley.gateway.route.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * The rows of a sipp statistics file ({@code -trace_stat}): per sampling period, the time (µs since the epoch) and
 * the cumulative counts of incoming calls (for a UAS: the first request of each call received), successful and
 * failed calls.
 */
record SippStatistics(List<Row> rows) {

    /** One sampling period's cumulative counts. */
    record Row(long epochMicros, long incoming, long outgoing, long successful, long failed) {
    }

    /** Parses the CSV (header line, ';'-separated; CurrentTime is "date\ttime\tepoch.micros"). */
    static SippStatistics parse(String csv) {
        String[] lines = csv.split("\n");
        List<Row> rows = new ArrayList<>();
        if (lines.length < 2) {
            return new SippStatistics(rows);
        }
        List<String> header = List.of(lines[0].strip().split(";"));
        int time = header.indexOf("CurrentTime");
        int incoming = header.indexOf("IncomingCall(C)");
        int outgoing = header.indexOf("OutgoingCall(C)");
        int successful = header.indexOf("SuccessfulCall(C)");
        int failed = header.indexOf("FailedCall(C)");
        for (int i = 1; i < lines.length; i++) {
            String[] fields = lines[i].strip().split(";");
            if (fields.length <= failed) {
                continue;
            }
            String[] clock = fields[time].split("\t");
            long micros = Math.round(Double.parseDouble(clock[clock.length - 1]) * 1e6);
            rows.add(new Row(micros, Long.parseLong(fields[incoming]), Long.parseLong(fields[outgoing]),
                    Long.parseLong(fields[successful]), Long.parseLong(fields[failed])));
        }
        return new SippStatistics(rows);
    }

    /** The time of the first sample where {@code count} reached {@code target}. */
    Optional<Long> firstReaching(ToLongFunction<Row> count, long target) {
        return rows.stream().filter(row -> count.applyAsLong(row) >= target).map(Row::epochMicros).findFirst();
    }

    /** The last sample, if any. */
    Optional<Row> last() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1));
    }
}
