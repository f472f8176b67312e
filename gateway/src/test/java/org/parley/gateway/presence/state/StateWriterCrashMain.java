package org.parley.gateway.presence.state;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.ChildJvm;

/**
 * Child-process side of the crash test: opens the store, applies {@code COUNT} changes through
 * {@link PresenceState} without waiting, prints {@code "@@ acked N"} as each change's stage completes, and after
 * {@code HALT_AFTER} acknowledgements prints {@code "@@ halting"} and halts the JVM at once
 * ({@link Runtime#halt}: no shutdown hooks, no flushing, like {@code kill -9}). Change N is {@link #change(int)}.
 * Arguments: {@code JDBC_URL USER PASSWORD COUNT HALT_AFTER MAX_SECONDS}; {@code -} for no user or password.
 */
public final class StateWriterCrashMain {

    /** The exit code of the halt. */
    static final int HALT_STATUS = 137;

    private static int acknowledged;

    private StateWriterCrashMain() {
    }

    /** Change N: an authorization, a dialog or a last known presence, in turn; all distinct. */
    static StateChange change(int n) {
        return switch (n % 3) {
            case 0 -> StateChange.put(Samples.authorization(n, AuthorizationDirection.XMPP_TO_SIP,
                    AuthorizationState.AUTHORIZED));
            case 1 -> StateChange.put(Samples.dialog(n, DialogRole.SUBSCRIBER, Samples.T0.plus(Duration.ofDays(1))));
            default -> StateChange.put(Samples.presence(n, "r" + n));
        };
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        int count = Integer.parseInt(args[3]);
        int haltAfter = Integer.parseInt(args[4]);
        startWatchdog(Long.parseLong(args[5]));
        Store store = Store.open(new StoreConfig(args[0], given(args[1]), given(args[2])), new SimpleMeterRegistry());
        PresenceState state = PresenceState.open(store.dataSource(), Clock.systemUTC(), StateWriterSettings.DEFAULTS);
        for (int n = 0; n < count; n++) {
            int number = n;
            state.apply(change(n)).thenRun(() -> acknowledge(out, number, haltAfter));
        }
        new CountDownLatch(1).await(); // the writer thread is a daemon: keep the JVM up until it halts
    }

    /** Runs on the writer thread, after the commit of the batch holding change {@code n}. */
    private static void acknowledge(PrintStream out, int n, int haltAfter) {
        out.println(ChildJvm.REPLY + "acked " + n);
        if (++acknowledged == haltAfter) {
            out.println(ChildJvm.REPLY + "halting");
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }

    private static Optional<String> given(String arg) {
        return arg.equals("-") ? Optional.empty() : Optional.of(arg);
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
