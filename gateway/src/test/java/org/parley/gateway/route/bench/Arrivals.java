package org.parley.gateway.route.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Arrival times (µs since the epoch) of messages at a client, by the number that ends their body. */
final class Arrivals {

    private static final Pattern TRAILING_NUMBER = Pattern.compile("(\\d+)\\s*$");

    private final Map<Integer, Long> times = new ConcurrentHashMap<>();

    /** Records a body's arrival now; bodies not ending in a number are ignored. */
    void record(String body) {
        long now = Clocks.epochMicros();
        Matcher number = TRAILING_NUMBER.matcher(body);
        if (number.find()) {
            times.putIfAbsent(Integer.parseInt(number.group(1)), now);
        }
    }

    void clear() {
        times.clear();
    }

    int count() {
        return times.size();
    }

    Map<Integer, Long> snapshot() {
        return Map.copyOf(times);
    }
}
