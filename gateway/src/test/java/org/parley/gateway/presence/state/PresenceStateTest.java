package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.mapper.address.SipAddress;

/** {@link PresenceState} on an H2 file store: start-up from stored state, changes, and a restart. */
class PresenceStateTest {

    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void openStore() {
        store = Store.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("parley"), Optional.empty(),
                Optional.empty()), new SimpleMeterRegistry());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static void await(CompletionStage<Void> stage) throws Exception {
        stage.toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void startsFromWhatIsStoredAndReportsWhatToReEstablish() {
        PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.AUTHORIZED);
        SipSubscriptionDialog live = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(60));
        SipSubscriptionDialog expired = Samples.dialog(2, DialogRole.SUBSCRIBER, T0.minusSeconds(60));
        LastPresence presence = Samples.presence(1, "laptop");
        new PresenceStateRepository(store.dataSource()).write(List.of(StateChange.put(authorization),
                StateChange.put(live), StateChange.put(expired), StateChange.put(presence)));

        try (PresenceState state = PresenceState.open(store.dataSource(), CLOCK, StateWriterSettings.DEFAULTS)) {
            RestoredState restored = state.takeRestored();
            assertThat(restored.subscriberDialogsToRefresh()).containsExactly(live);
            assertThat(restored.expiredSubscriberDialogs()).containsExactly(expired);
            assertThat(state.cache().authorization(authorization.key())).contains(authorization);
            assertThat(state.cache().lastPresence(Samples.contact(1))).containsExactly(presence);
            assertThat(state.takeRestored().dialogs()).as("handed out once, then dropped").isEmpty();
        }
    }

    @Test
    void aChangeIsVisibleInMemoryAtOnceAndStoredWhenItsStageCompletes() throws Exception {
        try (PresenceState state = PresenceState.open(store.dataSource(), CLOCK, StateWriterSettings.DEFAULTS)) {
            PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                    AuthorizationState.PENDING);
            CompletionStage<Void> stage = state.apply(StateChange.put(authorization));
            assertThat(state.cache().authorization(authorization.key())).contains(authorization);

            await(stage);
            assertThat(new PresenceStateRepository(store.dataSource()).load(T0).authorizations())
                    .containsExactly(authorization);
        }
    }

    @Test
    void aRefusedChangeLeavesMemoryAsItWas() {
        try (PresenceState state = PresenceState.open(store.dataSource(), CLOCK, StateWriterSettings.DEFAULTS)) {
            AuthorizationKey tooLong = new AuthorizationKey(SipAddress.of("b".repeat(1100), "contoso.test"),
                    Samples.contact(1), AuthorizationDirection.SIP_TO_XMPP);
            CompletionStage<Void> stage = state.apply(StateChange.put(PresenceAuthorization.of(tooLong,
                    AuthorizationState.PENDING, T0)));

            assertThat(stage.toCompletableFuture()).isCompletedExceptionally();
            assertThat(state.cache().authorization(tooLong)).isEmpty();
            assertThat(state.writerStats().refusedChanges()).isEqualTo(1);
        }
    }

    @Test
    void aRestartAfterCloseFindsEveryChangeApplied() {
        int count = 10_000;
        StateWriterSettings roomForAll = new StateWriterSettings(2 * count, 500, TIMEOUT);
        try (PresenceState state = PresenceState.open(store.dataSource(), CLOCK, roomForAll)) {
            for (int n = 0; n < count; n++) {
                state.apply(StateChange.put(Samples.authorization(n, AuthorizationDirection.XMPP_TO_SIP,
                        AuthorizationState.AUTHORIZED)));
                state.apply(StateChange.put(Samples.dialog(n, DialogRole.SUBSCRIBER, T0.plusSeconds(3600))));
            }
        }
        try (PresenceState restarted = PresenceState.open(store.dataSource(), CLOCK, StateWriterSettings.DEFAULTS)) {
            assertThat(restarted.cache().counts()).as("XMPP-to-SIP authorizations are the store's")
                    .isEqualTo(new PresenceStateCache.Counts(0, 0));
            RestoredState restored = restarted.takeRestored();
            assertThat(restored.authorizations()).hasSize(count);
            assertThat(restored.subscriberDialogsToRefresh()).hasSize(count);
            assertThat(restored.subscriptionsWithoutDialog()).isEmpty();
        }
    }
}
