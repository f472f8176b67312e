package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.testsupport.ControlledDataSource;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.Await;
import org.slf4j.LoggerFactory;

/** The live view's lifecycle and its behaviour when the store fails, on an H2 file database. */
class AllowListTest {

    private static final Duration FAST_POLL = Duration.ofMillis(20);
    private static final Duration WITHIN_ONE_SECOND = Duration.ofSeconds(1);
    private static final DomainName JABBER = DomainName.of("jabber.test");
    private static final DomainName PARTNER = DomainName.of("partner.test");

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger allowListLogger = (Logger) LoggerFactory.getLogger(AllowList.class);
    private Store store;
    private ControlledDataSource dataSource;
    private AllowListRepository writer;
    private AllowListRepository reader;

    @BeforeEach
    void setUp() {
        store = Store.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(),
                Optional.empty()), new SimpleMeterRegistry());
        dataSource = new ControlledDataSource(store.dataSource());
        writer = new AllowListRepository(store.dataSource(), Clock.systemUTC());
        reader = new AllowListRepository(dataSource, Clock.systemUTC());
        log.start();
        allowListLogger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        allowListLogger.detachAppender(log);
        store.close();
    }

    @Test
    void isEmptyBeforeStartAndLoadsTheStoreOnStart() {
        writer.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CONFIG);
        try (AllowList allowList = new AllowList(reader, FAST_POLL)) {
            assertThat(allowList.snapshot()).isEqualTo(AllowListSnapshot.EMPTY);
            allowList.start();
            assertThat(allowList.snapshot().revision()).isEqualTo(writer.revision());
            assertThat(allowList.lookup(JABBER)).isEqualTo(writer.find(JABBER));
        }
    }

    @Test
    void startAndStopAreIdempotentButAStoppedListDoesNotRestart() {
        AllowList allowList = new AllowList(reader, FAST_POLL);
        allowList.start();
        allowList.start();
        allowList.stop();
        allowList.stop();
        assertThatThrownBy(allowList::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keepsTheLastSnapshotWhileTheStoreFailsWarningOnceThenRecovers() throws InterruptedException {
        writer.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CONFIG);
        AllowListChanges changes = new AllowListChanges();
        try (AllowList allowList = new AllowList(reader, FAST_POLL)) {
            allowList.addListener(changes);
            allowList.start();

            dataSource.takeDown();
            Await.until(Duration.ofSeconds(5), "five failed polls", () -> dataSource.refusedRequests() >= 5);
            assertThat(allowList.lookup(JABBER)).isPresent();
            assertThat(events(Level.WARN)).hasSize(1).first().asString().contains("cannot read the store");

            writer.upsert(PARTNER, DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL), Origin.CLI);
            dataSource.bringUp();

            assertThat(changes.next(WITHIN_ONE_SECOND).added()).extracting(AllowListEntry::domain)
                    .containsExactly(PARTNER);
            assertThat(allowList.lookup(JABBER)).isPresent();
            Await.until(WITHIN_ONE_SECOND, "recovery logged", () -> events(Level.INFO).stream()
                    .anyMatch(message -> message.contains("reachable again")));
            assertThat(events(Level.WARN)).hasSize(1);
        }
    }

    @Test
    void aFailingListenerDoesNotStopOthersOrPolling() throws InterruptedException {
        AllowListChanges changes = new AllowListChanges();
        try (AllowList allowList = new AllowList(reader, FAST_POLL)) {
            allowList.addListener((diff, current) -> {
                throw new IllegalStateException("listener bug");
            });
            allowList.addListener(changes);
            allowList.start();

            writer.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CLI);
            changes.next(WITHIN_ONE_SECOND);
            writer.remove(JABBER);
            assertThat(changes.next(WITHIN_ONE_SECOND).removed()).hasSize(1);
        }
    }

    @Test
    void logsEachObservedChangeWithTheDomain() throws InterruptedException {
        AllowListChanges changes = new AllowListChanges();
        try (AllowList allowList = new AllowList(reader, FAST_POLL)) {
            allowList.addListener(changes);
            allowList.start();
            writer.upsert(PARTNER, DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL), Origin.CLI);
            changes.next(WITHIN_ONE_SECOND);
            writer.set(PARTNER, AllowListPatch.none().withEnabled(false));
            changes.next(WITHIN_ONE_SECOND);
            writer.remove(PARTNER);
            changes.next(WITHIN_ONE_SECOND);
        }
        assertThat(events(Level.INFO)).contains(
                "Allow list: partner.test added (tls=required auth=external enabled)",
                "Allow list: partner.test changed (tls=required auth=external enabled"
                        + " -> tls=required auth=external disabled)",
                "Allow list: partner.test removed");
    }

    private List<String> events(Level level) {
        return log.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
    }
}
