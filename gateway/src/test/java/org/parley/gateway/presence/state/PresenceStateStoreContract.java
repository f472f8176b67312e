package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.parley.gateway.presence.state.Samples.T0;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.store.StoreException;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.NotifyBodyType;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;

/**
 * The presence-state schema and repository behaviour every supported database must show. Subclasses supply a
 * fresh, empty database per test ({@link #freshDatabase()}); the same logic then runs on H2 and on PostgreSQL.
 */
abstract class PresenceStateStoreContract {

    private StoreConfig config;
    private Store store;

    /** A store configuration for a new, empty database; called once per test. */
    protected abstract StoreConfig freshDatabase();

    /** Opens (and migrates) a store on a fresh database. */
    Store openStore() {
        config = freshDatabase();
        store = Store.open(config, new SimpleMeterRegistry());
        return store;
    }

    StoreConfig config() {
        return config;
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private PresenceStateRepository repository() {
        return new PresenceStateRepository(openStore().dataSource());
    }

    @Test
    void migratingFromVersionOneKeepsTheAllowList() throws SQLException {
        config = freshDatabase();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(config.url(), config.user().orElse(null), config.password().orElse(null))
                .locations("classpath:db/migration").target("1").load().migrate();
        try (Connection connection = DriverManager.getConnection(config.url(), config.user().orElse(null),
                config.password().orElse(null));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO allow_list (domain, tls_policy, auth_policy, enabled, origin,"
                    + " created_at, updated_at) VALUES ('jabber.test', 'optional', 'dialback', TRUE, 'cli',"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        store = Store.open(config, new SimpleMeterRegistry());

        assertThat(store.schemaVersion()).isEqualTo("3");
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT domain FROM allow_list")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("jabber.test");
        }
        assertThat(new PresenceStateRepository(store.dataSource()).load(T0))
                .isEqualTo(RestoredState.empty(T0));
    }

    @Test
    void authorizationsArePutReplacedAndRemoved() {
        PresenceStateRepository repository = repository();
        PresenceAuthorization pending = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.PENDING);
        PresenceAuthorization other = Samples.authorization(1, AuthorizationDirection.SIP_TO_XMPP,
                AuthorizationState.REJECTED);
        repository.write(List.of(StateChange.put(pending), StateChange.put(other)));
        assertThat(repository.load(T0).authorizations()).containsExactlyInAnyOrder(pending, other);

        PresenceAuthorization authorized = pending.withState(AuthorizationState.AUTHORIZED, T0.plusSeconds(5));
        repository.write(List.of(StateChange.put(authorized)));
        assertThat(repository.load(T0).authorizations()).containsExactlyInAnyOrder(authorized, other);

        repository.write(List.of(StateChange.remove(other.key()), StateChange.remove(Samples.key(9,
                AuthorizationDirection.SIP_TO_XMPP))));
        assertThat(repository.load(T0).authorizations()).containsExactly(authorized);
    }

    @Test
    void dialogsArePutReplacedAndRemovedWithTheirRouteSets() {
        PresenceStateRepository repository = repository();
        Instant expiry = T0.plus(Duration.ofHours(1));
        SipSubscriptionDialog twoRoutes = Samples.dialog(1, DialogRole.SUBSCRIBER, expiry).established("edge-1",
                "sip:bob1@10.1.2.3:5061;transport=tls", List.of("<sip:a.test;lr>", "<sip:b.test;lr>"));
        SipSubscriptionDialog noRoutes = new SipSubscriptionDialog(Samples.dialogId(2), Optional.empty(),
                DialogRole.NOTIFIER, Samples.sipUser(2), Samples.contact(2), "presence", DialogState.PENDING,
                "sip:bob2@10.1.2.3:5061", List.of(), 0, expiry);
        repository.write(List.of(StateChange.put(twoRoutes), StateChange.put(noRoutes)));
        assertThat(repository.load(T0).dialogs()).containsExactlyInAnyOrder(twoRoutes, noRoutes);

        SipSubscriptionDialog refreshed = twoRoutes.refreshed(expiry.plus(Duration.ofHours(1)),
                SipSubscriptionDialog.MAX_CSEQ).withState(DialogState.PENDING);
        repository.write(List.of(StateChange.put(refreshed), StateChange.remove(noRoutes.id())));
        assertThat(repository.load(T0).dialogs()).containsExactly(refreshed);
    }

    @Test
    void migrationToVersionThreeReadsDialogsStoredBeforeItAsPidf() throws SQLException {
        config = freshDatabase();
        Flyway.configure(getClass().getClassLoader())
                .dataSource(config.url(), config.user().orElse(null), config.password().orElse(null))
                .locations("classpath:db/migration").target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(config.url(), config.user().orElse(null),
                config.password().orElse(null));
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO sip_subscription (call_id, local_tag, remote_tag, dialog_role,"
                    + " sip_user, xmpp_contact, event_package, dialog_state, remote_target, route_set, local_cseq,"
                    + " expires_at, updated_at) VALUES ('c-1@edge.test', 'gw-1', 'ua-1', 'notifier',"
                    + " 'sip:carol@contoso.test', 'alice@jabber.test', 'presence', 'active', 'sip:carol@10.0.0.1',"
                    + " '', 3, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
        }

        store = Store.open(config, new SimpleMeterRegistry());

        assertThat(store.schemaVersion()).isEqualTo("3");
        assertThat(new PresenceStateRepository(store.dataSource()).load(Instant.EPOCH).dialogs()).singleElement()
                .extracting(SipSubscriptionDialog::notifyBody).isEqualTo(NotifyBodyType.PIDF);
    }

    @Test
    void aNotifierDialogKeepsTheBodyTypeItsWatcherNegotiatedThroughRefreshes() {
        PresenceStateRepository repository = repository();
        Instant expiry = T0.plus(Duration.ofHours(1));
        SipSubscriptionDialog lync = new SipSubscriptionDialog(Samples.dialogId(3), Optional.of("ua-3"),
                DialogRole.NOTIFIER, Samples.sipUser(3), Samples.contact(3), "presence", DialogState.ACTIVE,
                "sip:carol@10.1.2.3:5061", List.of(), 4, expiry, NotifyBodyType.MS_CATEGORIES);
        SipSubscriptionDialog plain = Samples.dialog(4, DialogRole.NOTIFIER, expiry);
        repository.write(List.of(StateChange.put(lync), StateChange.put(plain)));

        assertThat(repository.load(T0).dialogs()).extracting(SipSubscriptionDialog::notifyBody)
                .containsExactlyInAnyOrder(NotifyBodyType.MS_CATEGORIES, NotifyBodyType.PIDF);

        SipSubscriptionDialog refreshed = lync.refreshed(expiry.plusSeconds(60), 9).withState(DialogState.PENDING)
                .established("ua-3", "sip:carol@10.1.2.4:5061", List.of());
        repository.write(List.of(StateChange.put(refreshed), StateChange.remove(plain.id())));
        assertThat(repository.load(T0).dialogs()).containsExactly(refreshed)
                .first().extracting(SipSubscriptionDialog::notifyBody).isEqualTo(NotifyBodyType.MS_CATEGORIES);
    }

    @Test
    void lastPresenceIsPutReplacedAndRemovedWithStatusesInOrder() {
        PresenceStateRepository repository = repository();
        XmppAddress bare = Samples.contact(1);
        LastPresence laptop = new LastPresence(bare.withResource("laptop"), true, Show.DND,
                List.of(StatusText.of("Beschäftigt", "de"), StatusText.of("Busy"), StatusText.of("Occupé", "fr")),
                -1, T0);
        LastPresence phone = new LastPresence(bare.withResource("phone"), false, Show.ABSENT,
                List.of(StatusText.of("gone")), 0, T0);
        LastPresence fromBare = new LastPresence(bare, true, Show.ABSENT, List.of(), 127, T0);
        repository.write(List.of(StateChange.put(laptop), StateChange.put(phone), StateChange.put(fromBare)));
        assertThat(repository.load(T0).lastPresence()).containsExactlyInAnyOrder(laptop, phone, fromBare);

        LastPresence back = new LastPresence(laptop.from(), true, Show.CHAT, List.of(), -128, T0.plusSeconds(1));
        repository.write(List.of(StateChange.put(back), StateChange.remove(phone.key())));
        assertThat(repository.load(T0).lastPresence()).containsExactlyInAnyOrder(back, fromBare);
    }

    @Test
    void loadSortsDialogsExpiredAtTheGivenInstantApartByRole() {
        PresenceStateRepository repository = repository();
        SipSubscriptionDialog live = Samples.dialog(1, DialogRole.SUBSCRIBER, T0.plusSeconds(1));
        SipSubscriptionDialog expiredSubscriber = Samples.dialog(2, DialogRole.SUBSCRIBER, T0);
        SipSubscriptionDialog expiredNotifier = Samples.dialog(3, DialogRole.NOTIFIER, T0.minusSeconds(1));
        repository.write(List.of(StateChange.put(live), StateChange.put(expiredSubscriber),
                StateChange.put(expiredNotifier)));

        RestoredState restored = repository.load(T0);

        assertThat(restored.dialogs()).containsExactly(live);
        assertThat(restored.expiredSubscriberDialogs()).containsExactly(expiredSubscriber);
        assertThat(restored.expiredNotifierDialogs()).containsExactly(expiredNotifier);
        assertThat(restored.loadedAt()).isEqualTo(T0);
    }

    @Test
    void aBatchIsWrittenWhollyOrNotAtAll() {
        PresenceStateRepository repository = repository();
        PresenceAuthorization fine = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.PENDING);
        SipSubscriptionDialog tooLong = Samples.dialog(1, DialogRole.SUBSCRIBER, T0)
                .established("edge", "sip:" + "x".repeat(3000) + "@contoso.test", List.of());

        assertThatThrownBy(() -> repository.write(List.of(StateChange.put(fine), StateChange.put(tooLong))))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("Writing 2 presence-state changes failed");
        assertThat(repository.load(T0)).isEqualTo(RestoredState.empty(T0));
    }

    @Test
    void aBatchRefusesTwoChangesForOneKey() {
        PresenceStateRepository repository = repository();
        PresenceAuthorization authorization = Samples.authorization(1, AuthorizationDirection.XMPP_TO_SIP,
                AuthorizationState.PENDING);
        assertThatThrownBy(() -> repository.write(List.of(StateChange.put(authorization),
                StateChange.remove(authorization.key())))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "INSERT INTO presence_authorization VALUES ('sip:b@c.test', 'a@j.test', 'both', 'pending', CURRENT_TIMESTAMP,"
                + " CURRENT_TIMESTAMP)",
        "INSERT INTO presence_authorization VALUES ('sip:b@c.test', 'a@j.test', 'sip-to-xmpp', 'none',"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
        "INSERT INTO presence_authorization VALUES ('sip:b@c.test', 'a@j.test', 'sip-to-xmpp', 'pending',"
                + " CURRENT_TIMESTAMP, TIMESTAMP WITH TIME ZONE '2000-01-01 00:00:00+00')",
        "INSERT INTO sip_subscription VALUES ('c', 't', NULL, 'watcher', 'sip:b@c.test', 'a@j.test', 'presence',"
                + " 'active', 'sip:b@h.test', '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " 'application/pidf+xml')",
        "INSERT INTO sip_subscription VALUES ('c', 't', NULL, 'notifier', 'sip:b@c.test', 'a@j.test', 'presence',"
                + " 'terminated', 'sip:b@h.test', '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " 'application/pidf+xml')",
        "INSERT INTO sip_subscription VALUES ('c', 't', NULL, 'notifier', 'sip:b@c.test', 'a@j.test', 'presence',"
                + " 'active', 'sip:b@h.test', '', 2147483648, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP,"
                + " 'application/pidf+xml')",
        "INSERT INTO sip_subscription VALUES ('c', 't', NULL, 'notifier', 'sip:b@c.test', 'a@j.test', 'presence',"
                + " 'active', 'sip:b@h.test', '', 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'application/xpidf+xml')",
        "INSERT INTO last_presence VALUES ('a@j.test', 'r', TRUE, 'busy', 0, CURRENT_TIMESTAMP)",
        "INSERT INTO last_presence VALUES ('a@j.test', 'r', FALSE, 'away', 0, CURRENT_TIMESTAMP)",
        "INSERT INTO last_presence VALUES ('a@j.test', 'r', TRUE, NULL, 128, CURRENT_TIMESTAMP)",
        "INSERT INTO last_presence_status VALUES ('a@j.test', 'no-such-presence', 0, NULL, 'hi')",
    })
    void schemaRefusesRowsOutsideItsChecks(String insert) throws SQLException {
        openStore();
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(insert)).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void schemaAcceptsRowsWithinItsChecks() throws SQLException {
        openStore();
        try (Connection connection = store.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO presence_authorization VALUES ('sip:b@c.test', 'a@j.test',"
                    + " 'xmpp-to-sip', 'authorized', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            statement.executeUpdate("INSERT INTO sip_subscription VALUES ('c', 't', NULL, 'subscriber',"
                    + " 'sip:b@c.test', 'a@j.test', 'presence', 'pending', 'sip:b@h.test', '', 2147483647,"
                    + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'application/msrtc-event-categories+xml')");
            statement.executeUpdate("INSERT INTO last_presence VALUES ('a@j.test', 'r', TRUE, 'dnd', -128,"
                    + " CURRENT_TIMESTAMP)");
            assertThat(statement.executeUpdate("INSERT INTO last_presence_status VALUES ('a@j.test', 'r', 0, 'en',"
                    + " 'hi')")).isEqualTo(1);
            assertThat(statement.executeUpdate("DELETE FROM last_presence")).isEqualTo(1);
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM last_presence_status")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).as("statuses go with their presence").isZero();
            }
        }
    }
}
