package org.parley.gateway.route.bench;

import java.util.List;

/**
 * The gateway's cost relative to the peers measured in the same run: its CPU per translated message against the
 * busiest Prosody of the s2s path (c) and Kamailio in the SIP-only path (d), and the latency of the paths through
 * the gateway against (c) and (d).
 */
final class Ratios {

    private Ratios() {
    }

    /** The ratio lines for results in the order (a), (b), (c), (d). */
    static String of(List<PathResult> results) {
        PathResult a = results.get(0);
        PathResult b = results.get(1);
        PathResult c = results.get(2);
        PathResult d = results.get(3);
        double prosody = Math.max(c.cpuMicrosPerMessage("prosody jabber.test"),
                c.cpuMicrosPerMessage("prosody other.test"));
        double kamailio = d.cpuMicrosPerMessage("kamailio");
        StringBuilder text = new StringBuilder("ratios (same run):\n");
        for (PathResult through : List.of(a, b)) {
            double gateway = through.cpuMicrosPerMessage("gateway");
            double withoutJit = through.cpuMicrosPerMessage("gateway without JIT");
            text.append(String.format(
                    "  %s: gateway %.1f µs CPU/msg (%.1f without JIT) = %.2f× (%.2f×) the busier Prosody in (c)"
                            + " (%.1f µs), %.2f× (%.2f×) Kamailio in (d) (%.1f µs); in this path Prosody jabber.test"
                            + " %.1f µs, Kamailio %.1f µs%n",
                    through.path(), gateway, withoutJit, gateway / prosody, withoutJit / prosody, prosody,
                    gateway / kamailio, withoutJit / kamailio, kamailio,
                    through.cpuMicrosPerMessage("prosody jabber.test"), through.cpuMicrosPerMessage("kamailio")));
            text.append(String.format(
                    "      latency p50 %.2f× (c), %.2f× (d); p99 %.2f× (c), %.2f× (d)%n",
                    through.percentileMillis(0.5) / c.percentileMillis(0.5),
                    through.percentileMillis(0.5) / d.percentileMillis(0.5),
                    through.percentileMillis(0.99) / c.percentileMillis(0.99),
                    through.percentileMillis(0.99) / d.percentileMillis(0.99)));
        }
        return text.toString();
    }
}
