package org.parley.gateway.lifecycle;

import java.util.List;
import java.util.Objects;

/** How stopping went, one entry per service in the order they were stopped (reverse start order). */
public record StopReport(List<Entry> entries) {

    /** What happened to one service. */
    public enum Outcome {
        /** {@link Service#stop()} returned normally. */
        STOPPED,
        /** {@link Service#stop()} threw; see the entry's detail. */
        FAILED,
        /** {@link Service#stop()} did not return before the deadline; it was interrupted and left behind. */
        ABANDONED,
        /** The deadline had already passed, so {@link Service#stop()} was not called. */
        NOT_ATTEMPTED
    }

    /** One service's outcome, with a detail for anything but {@link Outcome#STOPPED} (empty then). */
    public record Entry(String service, Outcome outcome, String detail) {
        public Entry {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }
    }

    public StopReport {
        entries = List.copyOf(entries);
    }

    /** Nothing to stop. */
    public static StopReport empty() {
        return new StopReport(List.of());
    }

    /** Names of the services with this outcome, in stop order. */
    public List<String> services(Outcome outcome) {
        return entries.stream().filter(e -> e.outcome() == outcome).map(Entry::service).toList();
    }

    /** True when every service stopped normally. */
    public boolean clean() {
        return entries.stream().allMatch(e -> e.outcome() == Outcome.STOPPED);
    }
}
