package org.parley.gateway.presence.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.parley.gateway.presence.state.Samples.T0;

import java.lang.ref.Reference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.address.XmppAddress;
import org.parley.mapper.presence.Show;
import org.parley.mapper.presence.StatusText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Heap used by {@link PresenceStateCache} per subscription (issue 6 "Scale": target at most 1 kB), measured as
 * the growth of the heap after full collections while the cache holds N subscriptions, each an authorization
 * plus its dialog (which the cache leaves to the store and the SIP module), all with distinct strings and instants
 * as if read from the store. The whole gateway's heap per subscription is measured by {@code PresenceBenchmark}. The last known presence of
 * a resource is measured apart: a contact has one per resource, however many watchers it has. The figures are
 * logged (see the test output) and the target asserted.
 */
class PresenceStateMemoryTest {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceStateMemoryTest.class);
    private static final long TARGET_BYTES_PER_SUBSCRIPTION = 1024;

    @ParameterizedTest(name = "{0} subscriptions")
    @ValueSource(ints = {10_000, 100_000})
    void aSubscriptionTakesAtMostOneKilobyte(int count) {
        long perSubscription = bytesPerSubscription(count);
        long perResource = bytesPerResource(count);
        LOG.info("{} subscriptions: {} bytes per subscription (authorization + dialog + indexes); {} bytes per"
                + " resource with a last known presence", count, perSubscription, perResource);
        assertThat(perSubscription).isPositive().isLessThanOrEqualTo(TARGET_BYTES_PER_SUBSCRIPTION);
        assertThat(perResource).isPositive();
    }

    /** Each measurement in its own frame, so that nothing it made is still reachable from the caller's. */
    private static long bytesPerSubscription(int count) {
        long before = usedHeapAfterGc();
        PresenceStateCache cache = new PresenceStateCache();
        for (int n = 0; n < count; n++) {
            cache.apply(StateChange.put(authorization(n)));
            cache.apply(StateChange.put(dialog(n)));
        }
        long used = usedHeapAfterGc() - before;
        assertThat(cache.counts()).isEqualTo(new PresenceStateCache.Counts(count, 0));
        Reference.reachabilityFence(cache);
        return used / count;
    }

    private static long bytesPerResource(int count) {
        long before = usedHeapAfterGc();
        PresenceStateCache cache = new PresenceStateCache();
        for (int n = 0; n < count; n++) {
            cache.apply(StateChange.put(lastPresence(n)));
        }
        long used = usedHeapAfterGc() - before;
        assertThat(cache.counts().resources()).isEqualTo(count);
        Reference.reachabilityFence(cache);
        return used / count;
    }

    private static PresenceAuthorization authorization(int n) {
        Instant created = T0.plusSeconds(n);
        return new PresenceAuthorization(new AuthorizationKey(sipUser(n), contact(n),
                AuthorizationDirection.SIP_TO_XMPP), AuthorizationState.AUTHORIZED, created, created.plusMillis(n));
    }

    /** A dialog as a SIP stack makes them: UUID Call-ID, random tags, a GRUU-like Contact, one edge route. */
    private static SipSubscriptionDialog dialog(int n) {
        return new SipSubscriptionDialog(
                new DialogId(String.format("%08x-5d1c-4e2b-9a0f-%012x@gw.contoso.test", n * 7919, n), hex(n, 10)),
                Optional.of(hex(n + 1, 10)), DialogRole.SUBSCRIBER, sipUser(n), contact(n), fresh("presence"),
                DialogState.ACTIVE, "sip:bob" + n + "@10.1." + (n % 250) + ".3:5061;transport=tls",
                List.of(fresh("<sip:edge.contoso.test:5061;transport=tls;lr>")), 3 + n % 5,
                T0.plusSeconds(3600 + n));
    }

    private static LastPresence lastPresence(int n) {
        return new LastPresence(contact(n).withResource("laptop-" + hex(n, 4)), true, Show.AWAY,
                List.of(StatusText.of("In a meeting until " + (n % 24) + ":00")), 5, T0.plusSeconds(n));
    }

    private static SipAddress sipUser(int n) {
        return SipAddress.of("bob.smith" + n, fresh("contoso.test"));
    }

    private static XmppAddress contact(int n) {
        return XmppAddress.of("alice.jones" + n, fresh("jabber.test"));
    }

    private static String hex(int n, int digits) {
        return String.format("%0" + digits + "x", n * 2654435761L & 0xffffffffffL);
    }

    /** A copy of {@code constant}, as the database driver would return it. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static String fresh(String constant) {
        return new String(constant);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }
}
