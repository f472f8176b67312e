package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.parley.sip.EdgeState;

/** The edge link's state changes reported once each: lost when DOWN, back when UP after that. */
class EdgeLinkWatchTest {

    private final AtomicReference<EdgeState> state = new AtomicReference<>(EdgeState.CONNECTING);
    private final List<String> told = new CopyOnWriteArrayList<>();
    private final List<Runnable> scheduled = new CopyOnWriteArrayList<>();
    private final EdgeLinkWatch watch = new EdgeLinkWatch(state::get, new EdgeLinkListener() {
        @Override
        public void edgeLost() {
            told.add("lost");
        }

        @Override
        public void edgeRestored() {
            told.add("restored");
        }
    }, (task, delay) -> scheduled.add(task), Duration.ofSeconds(1));

    @Test
    void reportsLossOnceAndRestorationOnceThenStopsPolling() {
        watch.start();
        for (EdgeState next : List.of(EdgeState.UP, EdgeState.RECONNECTING, EdgeState.DOWN, EdgeState.DOWN,
                EdgeState.CONNECTING, EdgeState.UP, EdgeState.UP)) {
            state.set(next);
            runNext();
        }
        assertThat(told).containsExactly("lost", "restored");

        watch.stop();
        runNext();
        assertThat(scheduled).isEmpty();
    }

    private void runNext() {
        Runnable next = scheduled.remove(0);
        next.run();
    }
}
