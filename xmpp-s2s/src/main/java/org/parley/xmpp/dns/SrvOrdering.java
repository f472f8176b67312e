package org.parley.xmpp.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * Orders SRV records as RFC 2782 says: ascending priority; within one priority, a weighted random order
 * (records of weight 0 have a very small chance of coming first). Pure; the random source is passed in.
 */
final class SrvOrdering {

    /** One SRV record's routing fields. */
    record Srv(String target, int port, int priority, int weight) { }

    private final RandomGenerator random;

    SrvOrdering(RandomGenerator random) {
        this.random = random;
    }

    List<Srv> order(List<Srv> records) {
        Map<Integer, List<Srv>> byPriority = new TreeMap<>();
        for (Srv srv : records) {
            byPriority.computeIfAbsent(srv.priority(), p -> new ArrayList<>()).add(srv);
        }
        List<Srv> ordered = new ArrayList<>(records.size());
        for (List<Srv> group : byPriority.values()) {
            ordered.addAll(weighted(group));
        }
        return ordered;
    }

    private List<Srv> weighted(List<Srv> group) {
        List<Srv> remaining = new ArrayList<>(group);
        // RFC 2782: zero-weight records first in the list before the running sum is taken
        remaining.sort(Comparator.comparingInt(Srv::weight));
        List<Srv> result = new ArrayList<>(group.size());
        while (!remaining.isEmpty()) {
            int total = remaining.stream().mapToInt(Srv::weight).sum();
            int pick = total == 0 ? 0 : random.nextInt(total + 1);
            int running = 0;
            int chosen = remaining.size() - 1;
            for (int i = 0; i < remaining.size(); i++) {
                running += remaining.get(i).weight();
                if (running >= pick) {
                    chosen = i;
                    break;
                }
            }
            result.add(remaining.remove(chosen));
        }
        return result;
    }
}
