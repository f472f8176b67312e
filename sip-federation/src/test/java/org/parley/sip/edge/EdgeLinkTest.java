package org.parley.sip.edge;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.AccessEdge;
import org.parley.sip.EdgeState;
import org.parley.sip.SipOutcome;
import org.parley.sip.SipSettings;
import org.slf4j.LoggerFactory;

class EdgeLinkTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
        ((Logger) LoggerFactory.getLogger(EdgeLink.class)).detachAppender(logs);
    }

    @Test
    void keepAliveAnsweredWithARefusalCountsAsUpAndWarnsOnceNamingTheStatus() {
        logs.start();
        ((Logger) LoggerFactory.getLogger(EdgeLink.class)).addAppender(logs);
        AtomicInteger probes = new AtomicInteger();
        SipSettings.Timers timers = new SipSettings.Timers(Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofMillis(20), Duration.ofMillis(40));
        EdgeLink link = new EdgeLink(new AccessEdge.Direct("127.0.0.5", 5061, "edge.test"),
                new EdgeResolver(Optional.empty(), Duration.ofSeconds(1)), timers, scheduler,
                deadline -> {
                    probes.incrementAndGet();
                    return CompletableFuture.completedFuture(
                            new SipOutcome.FinalResponse(403, "Forbidden", List.of(), Optional.empty()));
                }, reason -> { }, state -> { });

        link.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (probes.get() < 4 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000L); // bounded wait for several keep-alives
        }
        link.stop();

        assertThat(probes.get()).isGreaterThanOrEqualTo(4);
        assertThat(logs.list).filteredOn(e -> e.getLevel() == Level.WARN).extracting(ILoggingEvent::getFormattedMessage)
                .singleElement().satisfies(m -> assertThat(m).contains("403 Forbidden").contains("edge.test"));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(m -> m.contains("is up"));
        assertThat(link.state()).isEqualTo(EdgeState.STOPPED);
    }
}
