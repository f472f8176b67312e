package org.parley.gateway.testpeers;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.parley.gateway.allowlist.AllowListPatch;
import org.parley.gateway.allowlist.AllowListRepository;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.DomainPolicy;
import org.parley.gateway.allowlist.Origin;
import org.parley.gateway.allowlist.TlsPolicy;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;

/**
 * Child-process side of the two-process store test: opens the store at the given JDBC URL, the way the CLI does
 * while a gateway holds the same H2 file, and executes allow-list commands read from standard input, one reply
 * line each ({@link ChildJvm#REPLY} prefix). Exits on {@code quit}, at end of input, or after its time limit.
 *
 * <pre>
 *   add DOMAIN TLS AUTH   → "@@ ok ADDED|CHANGED|UNCHANGED"
 *   disable DOMAIN        → "@@ ok"
 *   remove DOMAIN         → "@@ ok true|false"
 *   list                  → "@@ ok a.test,b.test"
 *   quit                  → "@@ bye"
 * </pre>
 * Arguments: {@code JDBC_URL MAX_SECONDS}.
 */
public final class AllowListWriterMain {

    private AllowListWriterMain() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        startWatchdog(Long.parseLong(args[1]));
        try (Store store = Store.open(new StoreConfig(args[0], Optional.empty(), Optional.empty()),
                new SimpleMeterRegistry())) {
            AllowListRepository repository = new AllowListRepository(store.dataSource(), Clock.systemUTC());
            out.println(ChildJvm.REPLY + "ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.equals("quit")) {
                out.println(ChildJvm.REPLY + execute(repository, line.split(" ")));
            }
        }
        out.println(ChildJvm.REPLY + "bye");
    }

    private static String execute(AllowListRepository repository, String[] words) {
        try {
            return switch (words[0]) {
                case "add" -> "ok " + repository.upsert(DomainName.of(words[1]), DomainPolicy.of(
                        TlsPolicy.valueOf(words[2].toUpperCase(Locale.ROOT)), AuthPolicy.valueOf(words[3].toUpperCase(Locale.ROOT))),
                        Origin.CLI).outcome();
                case "disable" -> {
                    repository.set(DomainName.of(words[1]), AllowListPatch.none().withEnabled(false));
                    yield "ok";
                }
                case "remove" -> "ok " + repository.remove(DomainName.of(words[1]));
                case "list" -> "ok " + repository.list().stream().map(e -> e.domain().value())
                        .collect(Collectors.joining(","));
                default -> "error unknown command " + words[0];
            };
        } catch (RuntimeException e) {
            return "error " + e;
        }
    }

    private static void startWatchdog(long maxSeconds) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "time-limit");
            thread.setDaemon(true);
            return thread;
        });
        timer.schedule(() -> Runtime.getRuntime().halt(3), maxSeconds, TimeUnit.SECONDS);
    }
}
