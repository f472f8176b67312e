package org.parley.gateway.allowlist;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.AllowListWriterMain;
import org.parley.gateway.testpeers.ChildJvm;

/**
 * Two processes on one H2 file, as when an administrator runs {@code parley allow …} while the gateway runs:
 * this JVM holds the store open with a live {@link AllowList}; a child JVM opens the same file through the same
 * URL (H2 automatic mixed mode) and writes. The gateway side sees each change within a second, and both sides
 * read the same data afterwards.
 */
class H2TwoProcessIT {

    private static final Duration WITHIN_ONE_SECOND = Duration.ofSeconds(1);
    private static final Duration CHILD_START = Duration.ofSeconds(60);
    private static final Duration CHILD_REPLY = Duration.ofSeconds(15);
    private static final DomainName JABBER = DomainName.of("jabber.test");
    private static final DomainName PARTNER = DomainName.of("partner.test");
    private static final DomainName OTHER = DomainName.of("other.test");

    @TempDir
    Path dir;

    private ChildJvm child;
    private Store store;
    private AllowList allowList;

    @AfterEach
    void tearDown() {
        if (child != null) {
            child.close();
        }
        if (allowList != null) {
            allowList.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    private String h2ServerAddress() throws IOException {
        Properties lock = new Properties();
        try (InputStream in = Files.newInputStream(dir.resolve("parley.lock.db"))) {
            lock.load(in);
        }
        return lock.getProperty("server", "(none)");
    }

    @Test
    void changesWrittenByAnotherProcessAreSeenWithinOneSecondAndBothReadTheSameFile() throws InterruptedException, IOException {
        StoreConfig config = new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(),
                Optional.empty());
        store = Store.open(config, new SimpleMeterRegistry());
        AllowListRepository repository = new AllowListRepository(store.dataSource(), Clock.systemUTC());
        repository.upsert(JABBER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.DIALBACK), Origin.CONFIG);
        AllowListChanges changes = new AllowListChanges();
        allowList = new AllowList(repository, AllowList.DEFAULT_POLL_INTERVAL);
        allowList.addListener(changes);
        allowList.start();

        String server = h2ServerAddress();
        assertThat(InetAddress.getByName(server.substring(0, server.lastIndexOf(':'))).isLoopbackAddress())
                .as("H2 automatic mixed mode server %s (from the lock file) is on loopback", server).isTrue();
        child = ChildJvm.start(AllowListWriterMain.class, dir.resolve("child.stderr"), config.url(), "120");
        assertThat(child.awaitReply(CHILD_START)).isEqualTo("@@ ready");

        assertThat(child.send("add partner.test required external", CHILD_REPLY)).isEqualTo("@@ ok ADDED");
        assertThat(changes.next(WITHIN_ONE_SECOND).added()).extracting(AllowListEntry::domain)
                .containsExactly(PARTNER);
        assertThat(allowList.lookup(PARTNER)).map(AllowListEntry::policy)
                .contains(DomainPolicy.of(TlsPolicy.REQUIRED, AuthPolicy.EXTERNAL));

        assertThat(child.send("disable partner.test", CHILD_REPLY)).isEqualTo("@@ ok");
        assertThat(changes.next(WITHIN_ONE_SECOND).changed()).singleElement()
                .satisfies(change -> assertThat(change.after().enabled()).isFalse());

        assertThat(child.send("remove jabber.test", CHILD_REPLY)).isEqualTo("@@ ok true");
        assertThat(changes.next(WITHIN_ONE_SECOND).removed()).extracting(AllowListEntry::domain)
                .containsExactly(JABBER);

        repository.upsert(OTHER, DomainPolicy.of(TlsPolicy.OPTIONAL, AuthPolicy.ANY), Origin.CLI);
        assertThat(child.send("list", CHILD_REPLY)).isEqualTo("@@ ok other.test,partner.test");
        assertThat(repository.list()).extracting(AllowListEntry::domain).containsExactly(OTHER, PARTNER);

        assertThat(child.send("quit", CHILD_REPLY)).isEqualTo("@@ bye");
        assertThat(child.awaitExit(CHILD_REPLY)).isZero();
        allowList.stop();
        store.close();

        try (Store reopened = Store.open(config, new SimpleMeterRegistry())) {
            assertThat(new AllowListRepository(reopened.dataSource(), Clock.systemUTC()).list())
                    .extracting(AllowListEntry::domain).containsExactly(OTHER, PARTNER);
        }
    }
}
