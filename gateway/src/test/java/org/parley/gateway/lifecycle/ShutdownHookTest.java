package org.parley.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

    private final FakeService.Journal journal = new FakeService.Journal();

    @Test
    void stopsTheLifecycleWhenTheJvmShutsDown() {
        Lifecycle lifecycle = new Lifecycle(List.of(new FakeService("a", journal), new FakeService("b", journal)));
        lifecycle.start();
        ShutdownHook hook = new ShutdownHook(lifecycle);

        hook.thread().run();

        assertThat(lifecycle.state()).isEqualTo(Lifecycle.State.STOPPED);
        assertThat(journal.events()).containsExactly("start a", "start b", "stop b", "stop a");
    }

    @Test
    void isRegisteredWithTheRuntimeUntilClosed() {
        Lifecycle lifecycle = new Lifecycle(List.of(new FakeService("a", journal)));
        ShutdownHook hook = new ShutdownHook(lifecycle, Runtime.getRuntime());

        try (ShutdownHook installed = hook.install()) {
            assertThatIllegalArgumentException().as("the runtime already holds the hook")
                    .isThrownBy(() -> Runtime.getRuntime().addShutdownHook(hook.thread()));
            assertThatIllegalStateException().isThrownBy(installed::install).withMessageContaining("already");
        }

        assertThat(Runtime.getRuntime().removeShutdownHook(hook.thread())).isFalse();
    }
}
