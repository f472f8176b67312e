package org.parley.gateway.route.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SippStatisticsTest {

    /** The layout of sipp 3.6.1's -trace_stat file, cut to the columns read and a few around them. */
    private static final String CSV = """
            StartTime;LastResetTime;CurrentTime;ElapsedTime(P);IncomingCall(P);IncomingCall(C);OutgoingCall(P);\
            OutgoingCall(C);SuccessfulCall(P);SuccessfulCall(C);FailedCall(P);FailedCall(C);
            2026-11-21\t17:56:07.964976\t1795283767.964976;x;2026-11-21\t17:56:07.965282\t1795283767.965282;\
            00:00:00;0;0;0;0;0;0;0;0;
            2026-11-21\t17:56:07.964976\t1795283767.964976;x;2026-11-21\t17:56:08.966846\t1795283768.966846;\
            00:00:01;40;40;0;0;35;35;1;1;
            2026-11-21\t17:56:07.964976\t1795283767.964976;x;2026-11-21\t17:56:09.967000\t1795283769.967000;\
            00:00:02;60;100;0;0;64;99;0;1;
            """;

    @Test
    void readsCumulativeCountsWithTheEpochTimeOfEachSample() {
        SippStatistics statistics = SippStatistics.parse(CSV);

        assertThat(statistics.rows()).hasSize(3);
        assertThat(statistics.last()).contains(new SippStatistics.Row(1_795_283_769_967_000L, 100, 0, 99, 1));
    }

    @Test
    void findsTheFirstSampleWhereACountReachesATarget() {
        SippStatistics statistics = SippStatistics.parse(CSV);

        assertThat(statistics.firstReaching(SippStatistics.Row::incoming, 40)).contains(1_795_283_768_966_846L);
        assertThat(statistics.firstReaching(SippStatistics.Row::successful, 100)).isEmpty();
    }

    @Test
    void aFileWithOnlyItsHeaderHasNoRows() {
        assertThat(SippStatistics.parse("StartTime;CurrentTime\n").last()).isEmpty();
    }
}
