package org.parley.gateway.testsupport;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import org.parley.gateway.config.StoreConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.testpeers.Await;

/**
 * Reads the running gateway's store from the test JVM (H2's automatic mixed mode, which the gateway turns on for
 * its file store), to wait until a change is durable: a test that kills the gateway with {@code kill -9} right
 * after it saw the change's effect on the wire would otherwise race the state writer's commit.
 */
public final class StoreProbe {

    private StoreProbe() {
    }

    /**
     * Waits up to {@code wait} until the store holds a subscription dialog of {@code role} ({@code subscriber} or
     * {@code notifier}) whose SIP user is {@code sipUserUri} (e.g. {@code sip:bob@contoso.test}).
     */
    public static void awaitDialog(ImPeers peers, String role, String sipUserUri, Duration wait) {
        try (Store store = Store.open(new StoreConfig(peers.storeUrl(), Optional.empty(), Optional.empty()),
                new SimpleMeterRegistry())) {
            Await.until(wait, "a stored " + role + " dialog of " + sipUserUri,
                    () -> dialogs(store, role, sipUserUri) > 0);
        }
    }

    private static int dialogs(Store store, String role, String sipUserUri) {
        try (Connection connection = store.dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM sip_subscription WHERE dialog_role = ? AND sip_user = ?")) {
            query.setString(1, role);
            query.setString(2, sipUserUri);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the gateway's store: " + e.getMessage(), e);
        }
    }
}
