package org.parley.gateway.route.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What sipp's error trace says went wrong, counted by unexpected response (status and reason) and by event. */
final class SippErrors {

    private static final Pattern UNEXPECTED = Pattern.compile("received '(SIP/2\\.0 [^\\r\\n]*)");
    /** The event's first words, up to the first that is not a lower-case word (a Call-ID, a number, a quote). */
    private static final Pattern EVENT = Pattern.compile("\\d: ([A-Z][a-z]+(?: [a-z]+\\b){1,4})");

    private SippErrors() {
    }

    static String summary(String sippLog) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher unexpected = UNEXPECTED.matcher(sippLog);
        while (unexpected.find()) {
            counts.merge("unexpected " + unexpected.group(1).strip(), 1, Integer::sum);
        }
        Matcher aborted = EVENT.matcher(sippLog);
        while (aborted.find()) {
            counts.merge(aborted.group(1).strip(), 1, Integer::sum);
        }
        StringBuilder text = new StringBuilder("  sipp errors:");
        if (counts.isEmpty()) {
            text.append(" none");
        }
        counts.forEach((what, n) -> text.append(String.format("%n    %,8d  %s", n, what)));
        return text.toString();
    }
}
