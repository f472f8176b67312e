package org.parley.gateway.admin;

import java.time.Duration;

/** Durations as administrators read them: {@code "2 s"}, {@code "250 ms"}. */
final class Durations {

    private Durations() {
    }

    static String text(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
