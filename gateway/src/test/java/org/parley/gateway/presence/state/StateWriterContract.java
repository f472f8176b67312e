package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.gateway.presence.state.Samples.T0;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.testsupport.ControlledDataSource;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.Await;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.presence.Show;
import org.slf4j.LoggerFactory;

/**
 * {@link StateWriter} on a real database: batching, durability before completion, coalescing, backpressure,
 * flushing on close and failure reporting. Subclasses supply a fresh database per test.
 */
abstract class StateWriterContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final StateWriterSettings SETTINGS = new StateWriterSettings(5000, 500, TIMEOUT);

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger writerLogger = (Logger) LoggerFactory.getLogger(StateWriter.class);
    private StoreConfig config;
    private Store store;
    private Store observer;
    private ControlledDataSource dataSource;
    private StateWriter writer;

    /** A store configuration for a new, empty database; called once per test. */
    protected abstract StoreConfig freshDatabase();

    @BeforeEach
    void openStores() {
        config = freshDatabase();
        store = Store.open(config, new SimpleMeterRegistry());
        observer = Store.open(config, new SimpleMeterRegistry());
        dataSource = new ControlledDataSource(store.dataSource());
        log.start();
        writerLogger.addAppender(log);
    }

    @AfterEach
    void closeAll() {
        dataSource.openGate();
        dataSource.bringUp();
        if (writer != null) {
            writer.close();
        }
        writerLogger.detachAppender(log);
        observer.close();
        store.close();
    }

    private StateWriter start(StateWriterSettings settings) {
        writer = StateWriter.start(new PresenceStateRepository(dataSource), settings);
        return writer;
    }

    /** What a second store, with its own connections, reads. */
    private RestoredState observed() {
        return new PresenceStateRepository(observer.dataSource()).load(T0);
    }

    /** Holds the writer in its first batch (waiting for a connection) with {@code change} in it. */
    private CompletionStage<Void> holdWriterWith(StateChange change) {
        dataSource.shutGate();
        CompletionStage<Void> stage = writer.submit(change);
        Await.until(TIMEOUT, "the writer to wait for a connection", () -> dataSource.waitingAtGate() == 1);
        return stage;
    }

    private static void await(CompletionStage<Void> stage) {
        try {
            stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("stage did not complete normally", e);
        }
    }

    private static StateWriteException failure(CompletionStage<Void> stage) {
        CompletableFuture<Void> future = stage.toCompletableFuture();
        Await.until(TIMEOUT, "the stage to fail", future::isDone);
        assertThat(future).isCompletedExceptionally();
        AtomicReference<Throwable> cause = new AtomicReference<>();
        future.whenComplete((ok, error) -> cause.set(error instanceof CompletionException ? error.getCause() : error));
        assertThat(cause.get()).isInstanceOf(StateWriteException.class);
        return (StateWriteException) cause.get();
    }

    private static StateChange authorization(int n) {
        return StateChange.put(Samples.authorization(n, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.AUTHORIZED));
    }

    @Test
    void aStageCompletesOnlyOnceItsChangeIsVisibleToOtherConnections() {
        start(SETTINGS);
        StateChange change = authorization(1);
        CompletionStage<Void> stage = holdWriterWith(change);
        AtomicReference<RestoredState> seenOnCompletion = new AtomicReference<>();
        CompletableFuture<Void> observed = stage.thenRun(() -> seenOnCompletion.set(observed()))
                .toCompletableFuture();

        assertThat(stage.toCompletableFuture()).isNotDone();
        assertThat(observed().authorizations()).isEmpty();

        dataSource.openGate();
        await(observed);
        assertThat(seenOnCompletion.get().authorizations())
                .containsExactly(((StateChange.PutAuthorization) change).authorization());
    }

    @Test
    void writesHappenOnTheWritersOwnThread() {
        start(SETTINGS);
        await(writer.submit(authorization(1)));
        assertThat(dataSource.requesterThreads()).containsOnly("parley-presence-state-writer");
    }

    @Test
    void aBurstOfChangesIsWrittenInFewTransactions() {
        start(SETTINGS);
        List<CompletionStage<Void>> stages = new ArrayList<>();
        stages.add(holdWriterWith(authorization(0)));
        for (int n = 1; n < 1000; n++) {
            stages.add(writer.submit(n % 2 == 0 ? authorization(n)
                    : StateChange.put(Samples.dialog(n, DialogRole.SUBSCRIBER, T0.plusSeconds(n)))));
        }
        dataSource.openGate();
        stages.forEach(StateWriterContract::await);

        StateWriterStats stats = writer.stats();
        assertThat(stats.writtenChanges()).isEqualTo(1000);
        assertThat(stats.committedBatches()).as("1 held + 999 in batches of at most 500").isEqualTo(3);
        RestoredState stored = observed();
        assertThat(stored.authorizations()).hasSize(500);
        assertThat(stored.dialogs()).hasSize(500);
    }

    @Test
    void whileBusyTheWriterLingersSoThatAStreamOfChangesIsWrittenAsOneBatch() {
        StateWriterSettings lingering = new StateWriterSettings(SETTINGS.queueCapacity(), SETTINGS.maxBatchSize(),
                SETTINGS.closeTimeout(), Duration.ofMillis(300));
        start(lingering);
        await(writer.submit(authorization(0))); // just committed: the writer counts as busy
        List<CompletionStage<Void>> stages = new ArrayList<>();
        for (int n = 1; n <= 50; n++) {
            stages.add(writer.submit(authorization(n)));
        }
        stages.forEach(StateWriterContract::await);

        assertThat(writer.stats().committedBatches()).as("the first alone, then the 50 together").isEqualTo(2);
    }

    @Test
    void anIdleWriterWritesALoneChangeAtOnceWithoutLingering() {
        start(new StateWriterSettings(SETTINGS.queueCapacity(), SETTINGS.maxBatchSize(), SETTINGS.closeTimeout(),
                Duration.ofSeconds(60)));
        CompletableFuture<Void> stage = writer.submit(authorization(1)).toCompletableFuture();

        Await.until(Duration.ofSeconds(20), "a lone change written well before the linger", stage::isDone);
        assertThat(stage).isCompleted();
    }

    @Test
    void changesForAWaitingKeyAreCoalescedIntoTheLatest() {
        start(SETTINGS);
        CompletionStage<Void> held = holdWriterWith(authorization(0));
        List<CompletionStage<Void>> updates = new ArrayList<>();
        LastPresence latest = null;
        for (int priority = 0; priority < 100; priority++) {
            latest = new LastPresence(Samples.contact(1).withResource("laptop"), true,
                    priority % 2 == 0 ? Show.AWAY : Show.DND, List.of(), priority, T0.plusSeconds(priority));
            updates.add(writer.submit(StateChange.put(latest)));
        }
        dataSource.openGate();
        await(held);
        updates.forEach(StateWriterContract::await);

        assertThat(writer.stats().coalescedChanges()).isEqualTo(99);
        assertThat(writer.stats().writtenChanges()).isEqualTo(2);
        assertThat(observed().lastPresence()).containsExactly(latest);
    }

    @Test
    void aFullQueueRefusesChangesForNewKeysAtOnceAndSaysSoOnce() {
        start(new StateWriterSettings(10, 500, TIMEOUT));
        CompletionStage<Void> held = holdWriterWith(authorization(0));
        List<CompletionStage<Void>> accepted = new ArrayList<>();
        for (int n = 1; n <= 10; n++) {
            accepted.add(writer.submit(authorization(n)));
        }

        StateWriteException full = failure(writer.submit(authorization(11)));
        failure(writer.submit(authorization(12)));
        accepted.add(writer.submit(StateChange.remove(Samples.key(10, AuthorizationDirection.XMPP_TO_SIP))));

        assertThat(full.reason()).isEqualTo(StateWriteException.Reason.QUEUE_FULL);
        assertThat(full).hasMessageContaining("queue is full");
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        dataSource.openGate();
        await(held);
        accepted.forEach(StateWriterContract::await);
        assertThat(observed().authorizations()).hasSize(10);
        assertThat(writer.stats().refusedChanges()).isEqualTo(2);
    }

    @Test
    void aValueTooLongForItsColumnIsRefusedAloneAndAtOnce() {
        start(SETTINGS);
        AuthorizationKey longUser = new AuthorizationKey(SipAddress.of("b".repeat(1100), "contoso.test"),
                Samples.contact(1), AuthorizationDirection.SIP_TO_XMPP);

        StateWriteException refused = failure(writer.submit(StateChange.put(
                PresenceAuthorization.of(longUser, AuthorizationState.PENDING, T0))));
        await(writer.submit(authorization(1)));

        assertThat(refused.reason()).isEqualTo(StateWriteException.Reason.TOO_LARGE);
        assertThat(refused).hasMessageContaining("SIP user has 1117 bytes");
        assertThat(observed().authorizations()).hasSize(1);
    }

    @Test
    void closeWritesEverythingQueuedThenRefusesChanges() {
        start(SETTINGS);
        List<CompletionStage<Void>> stages = new ArrayList<>();
        for (int n = 0; n < 2000; n++) {
            stages.add(writer.submit(authorization(n)));
        }
        writer.close();

        assertThat(stages).allSatisfy(stage -> assertThat(stage.toCompletableFuture()).isCompleted());
        assertThat(writer.isStopped()).isTrue();
        assertThat(observed().authorizations()).hasSize(2000);
        assertThat(failure(writer.submit(authorization(1))).reason()).isEqualTo(StateWriteException.Reason.CLOSED);
    }

    @Test
    void storeFailuresFailTheirStagesAndAreLoggedOncePerOutage() {
        start(SETTINGS);
        dataSource.takeDown();
        List<StateWriteException> failures = new ArrayList<>();
        for (int n = 0; n < 3; n++) {
            failures.add(failure(writer.submit(authorization(n))));
        }
        dataSource.bringUp();
        await(writer.submit(authorization(3)));

        assertThat(failures).extracting(StateWriteException::reason)
                .containsOnly(StateWriteException.Reason.STORE_FAILED);
        assertThat(failures.get(0)).hasMessageContaining("taken down by the test");
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.ERROR).hasSize(1);
        assertThat(log.list).filteredOn(e -> e.getLevel() == Level.INFO)
                .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("again, after 3 failed batches");
        assertThat(observed().authorizations()).extracting(a -> a.key().sipUser())
                .containsExactly(Samples.sipUser(3));
        assertThat(writer.stats().failedBatches()).isEqualTo(3);
    }

    @Test
    void aStageCannotBeCompletedByItsHolder() {
        start(SETTINGS);
        CompletionStage<Void> stage = holdWriterWith(authorization(1));
        assertThatThrownBy(() -> ((CompletableFuture<Void>) stage).complete(null))
                .isInstanceOf(UnsupportedOperationException.class);
        dataSource.openGate();
        await(stage);
    }
}
