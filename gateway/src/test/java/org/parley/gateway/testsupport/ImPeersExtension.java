package org.parley.gateway.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class one set of {@link ImPeers} (Prosody, the Kamailio edge, dnsmasq, the packaged gateway) for all
 * its tests: started in a fresh directory before the first test, closed after the last, the directory removed.
 * Register it as {@code @RegisterExtension static final ImPeersExtension PEERS = new ImPeersExtension(dir ->
 * ImPeers.start(dir, 64));} and reach the peers through {@link #get()}.
 */
public final class ImPeersExtension implements BeforeAllCallback, AfterAllCallback {

    /** Starts the peers in {@code dir}. */
    @FunctionalInterface
    public interface Starter {
        ImPeers start(Path dir) throws Exception;
    }

    private final Starter starter;
    private Path dir;
    private ImPeers peers;

    public ImPeersExtension(Starter starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** The running peers; only between the class's first and last test. */
    public ImPeers get() {
        if (peers == null) {
            throw new IllegalStateException("the peers run only while the test class runs");
        }
        return peers;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dir = Files.createTempDirectory("parley-" + context.getRequiredTestClass().getSimpleName());
        peers = starter.start(dir);
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (peers != null) {
                peers.close();
            }
        } finally {
            peers = null;
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
