package org.parley.gateway.testsupport;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Gives a test class real {@link ImPeers} (Prosody, the Kamailio edge, dnsmasq, the packaged gateway), each set
 * started in a fresh directory, closed and its directory removed when its {@link Scope} ends (JUnit's extension
 * store closes it). Before each test (and, for a per-class test instance, before its {@code @BeforeAll} methods)
 * the running set is written into the test instance's {@link Peers} field:
 * <pre>{@code
 * @RegisterExtension
 * static final ImPeersExtension PEERS = ImPeersExtension.perClass(dir -> ImPeers.start(dir, 64));
 *
 * @ImPeersExtension.Peers
 * ImPeers peers;
 * }</pre>
 */
public final class ImPeersExtension implements BeforeAllCallback, BeforeEachCallback {

    /** Marks the field (of type {@link ImPeers}, not static, not final) that receives the running peers. */
    @Target(ElementType.FIELD)
    @Retention(RetentionPolicy.RUNTIME)
    public @interface Peers {
    }

    /** How long one set of peers lives. */
    public enum Scope {
        /** One set for all the class's tests: started before the first, closed after the last. */
        CLASS,
        /** A fresh set for each test (for tests that stop or kill a peer): started before it, closed after it. */
        TEST
    }

    /** Starts the peers in {@code dir}. */
    @FunctionalInterface
    public interface Starter {
        ImPeers start(Path dir) throws Exception;
    }

    private static final Namespace NAMESPACE = Namespace.create(ImPeersExtension.class);

    private final Scope scope;
    private final Starter starter;

    private ImPeersExtension(Scope scope, Starter starter) {
        this.scope = Objects.requireNonNull(scope, "scope");
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /** One set of peers shared by all the class's tests. */
    public static ImPeersExtension perClass(Starter starter) {
        return new ImPeersExtension(Scope.CLASS, starter);
    }

    /** A fresh set of peers for each test. */
    public static ImPeersExtension perTest(Starter starter) {
        return new ImPeersExtension(Scope.TEST, starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (scope == Scope.CLASS) {
            start(context);
            // a per-class instance already exists: fill it now so that its @BeforeAll methods see the peers
            if (context.getTestInstance().isPresent()) {
                inject(context, context.getTestInstance().get());
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        if (scope == Scope.TEST) {
            start(context);
        }
        for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
            inject(context, instance);
        }
    }

    private void start(ExtensionContext context) throws Exception {
        Path dir = Files.createTempDirectory("parley-" + context.getRequiredTestClass().getSimpleName());
        ImPeers peers;
        try {
            peers = starter.start(dir);
        } catch (Exception | Error e) {
            deleteTree(dir);
            throw e;
        }
        context.getStore(NAMESPACE).put(RunningPeers.class, new RunningPeers(dir, peers));
    }

    private static void inject(ExtensionContext context, Object instance) throws IllegalAccessException {
        // the store reads through to the enclosing contexts, so this finds a class's set as well as a test's
        ImPeers peers = context.getStore(NAMESPACE).get(RunningPeers.class, RunningPeers.class).peers();
        for (Field field : AnnotationSupport.findAnnotatedFields(instance.getClass(), Peers.class)) {
            inject(instance, field, peers);
        }
    }

    private static void inject(Object instance, Field field, ImPeers peers) throws IllegalAccessException {
        if (field.getType() != ImPeers.class || Modifier.isStatic(field.getModifiers())
                || Modifier.isFinal(field.getModifiers())) {
            throw new ExtensionConfigurationException("@Peers goes on a non-static, non-final ImPeers field, not "
                    + field);
        }
        field.setAccessible(true);
        field.set(instance, peers);
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    /** One running set and its directory; the extension store closes it when its scope ends. */
    private record RunningPeers(Path dir, ImPeers peers) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() throws IOException {
            try {
                peers.close();
            } finally {
                deleteTree(dir);
            }
        }
    }
}
