package org.parley.gateway.route.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parley.sip.EdgeState;

/**
 * The edge link's pushed state changes reported once per transition, in order: lost when DOWN, back when UP after
 * that, however late or often the scheduled reconciles run.
 */
class EdgeLinkWatchTest {

    private final List<String> told = new ArrayList<>();
    private final List<Runnable> scheduled = new ArrayList<>();
    private final EdgeLinkWatch watch = new EdgeLinkWatch(new EdgeLinkListener() {
        @Override
        public void edgeLost() {
            told.add("lost");
        }

        @Override
        public void edgeRestored() {
            told.add("restored");
        }
    }, (task, delay) -> scheduled.add(task));

    @Test
    void reportsLossOnceAndRestorationOnceWhenEachPushIsReconciledAtOnce() {
        for (EdgeState next : List.of(EdgeState.UP, EdgeState.RECONNECTING, EdgeState.DOWN, EdgeState.DOWN,
                EdgeState.CONNECTING, EdgeState.UP, EdgeState.UP)) {
            watch.onEdgeState(next);
            runAll();
        }

        assertThat(told).containsExactly("lost", "restored");
    }

    @Test
    void schedulesOneReconcilePerPush() {
        watch.onEdgeState(EdgeState.UP);
        watch.onEdgeState(EdgeState.DOWN);

        assertThat(scheduled).hasSize(2);
        assertThat(told).isEmpty();
    }

    @Test
    void reportsALossThatWasOverBeforeAnyReconcileRanThenTheReturn() {
        watch.onEdgeState(EdgeState.UP);
        watch.onEdgeState(EdgeState.DOWN);
        watch.onEdgeState(EdgeState.CONNECTING);
        watch.onEdgeState(EdgeState.UP);
        runAll();

        assertThat(told).containsExactly("lost", "restored");
    }

    @Test
    void reconcilesRunningLateOrInAnyOrderReportEachTransitionOnce() {
        watch.onEdgeState(EdgeState.DOWN);
        watch.onEdgeState(EdgeState.UP);
        scheduled.remove(1).run();
        scheduled.remove(0).run();

        assertThat(told).containsExactly("lost", "restored");
    }

    @Test
    void reportsNothingWhileTheLinkOnlyReconnectsWithoutGoingDown() {
        for (EdgeState next : List.of(EdgeState.CONNECTING, EdgeState.UP, EdgeState.RECONNECTING, EdgeState.UP,
                EdgeState.STOPPED)) {
            watch.onEdgeState(next);
        }
        runAll();

        assertThat(told).isEmpty();
    }

    @Test
    void aLinkStillDownAfterTheLossReportsNoSecondLoss() {
        watch.onEdgeState(EdgeState.DOWN);
        runAll();
        watch.onEdgeState(EdgeState.DOWN);
        runAll();
        watch.onEdgeState(EdgeState.STOPPED);
        runAll();

        assertThat(told).containsExactly("lost");
    }

    private void runAll() {
        while (!scheduled.isEmpty()) {
            scheduled.remove(0).run();
        }
    }
}
