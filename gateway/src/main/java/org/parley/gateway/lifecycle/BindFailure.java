package org.parley.gateway.lifecycle;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Objects;
import java.util.Optional;

/**
 * A listener could not bind its configured address. Every listener (admin HTTP, XMPP s2s, SIP) reports binding
 * problems this way, so the administrator always reads the same kind of message, e.g.
 * <pre>cannot listen on 127.0.0.1:8080 (admin): address already in use — stop the other process or change
 * &lt;admin port&gt; in conf/gateway.xml</pre>
 * The command line maps it to exit code 1.
 */
public final class BindFailure extends Exception {

    /** The configuration file named in {@link #getMessage()}; use {@link #describe(String)} to name another. */
    public static final String DEFAULT_CONFIG_FILE = "conf/gateway.xml";

    private static final int MAX_CAUSE_DEPTH = 16;

    private final ListenTarget target;
    private final BindProblem problem;

    /** A failure of the given kind; {@code cause} may be null. */
    public BindFailure(ListenTarget target, BindProblem problem, Throwable cause) {
        super(null, cause);
        this.target = Objects.requireNonNull(target, "target");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /**
     * Wraps what binding {@code target} threw, classified by {@link #recognise}; anything unrecognised becomes
     * {@link BindProblem#OTHER} with the cause's message.
     */
    public static BindFailure of(ListenTarget target, Throwable cause) {
        return recognise(target, cause).orElseGet(() -> new BindFailure(target, BindProblem.OTHER, cause));
    }

    /**
     * Looks through {@code thrown} and its causes for a binding problem: a {@link BindException}, an
     * {@link UnresolvedAddressException}, or an I/O error whose text is the operating system's (as Netty's native
     * transports report them). Empty if {@code thrown} is about something else.
     */
    public static Optional<BindFailure> recognise(ListenTarget target, Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_CAUSE_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof BindFailure failure) {
                return Optional.of(failure);
            }
            if (t instanceof UnresolvedAddressException) {
                return Optional.of(new BindFailure(target, BindProblem.UNRESOLVED, thrown));
            }
            BindProblem problem = BindProblem.fromMessage(t.getMessage());
            if (problem != null) {
                return Optional.of(new BindFailure(target, problem, thrown));
            }
            if (t instanceof BindException) {
                return Optional.of(new BindFailure(target, BindProblem.OTHER, thrown));
            }
        }
        return Optional.empty();
    }

    /** What could not be bound. */
    public ListenTarget target() {
        return target;
    }

    /** Why. */
    public BindProblem problem() {
        return problem;
    }

    /** The message naming {@code configFile} (e.g. the file given with {@code --config}). */
    public String describe(String configFile) {
        String reason = problem == BindProblem.OTHER ? causeText() : problem.reason();
        return "cannot listen on " + target.endpoint() + " (" + target.purpose() + "): " + reason
                + " — " + problem.advice(target, configFile);
    }

    /** {@link #describe(String)} with {@value #DEFAULT_CONFIG_FILE}. */
    @Override
    public String getMessage() {
        return describe(DEFAULT_CONFIG_FILE);
    }

    private String causeText() {
        Throwable cause = getCause();
        if (cause == null) {
            return problem.reason();
        }
        String text = cause.getMessage();
        return text == null || text.isBlank() ? cause.getClass().getSimpleName() : text;
    }
}
