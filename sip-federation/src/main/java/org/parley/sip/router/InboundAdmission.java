package org.parley.sip.router;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.parley.sip.SipSettings;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.RequestPolicy;

/**
 * The {@link RequestPolicy} of the gateway: bodies above {@link SipSettings.Limits#maxBodyBytes()} are too
 * large; each connection gets a token bucket of {@link SipSettings.Limits#requestBurst()} tokens refilled at
 * {@link SipSettings.Limits#requestsPerSecond()}. Buckets of idle connections are dropped so the table stays
 * bounded.
 */
public final class InboundAdmission implements RequestPolicy {

    private static final int MAX_TRACKED = 4096;
    private static final long IDLE_NANOS = 60_000_000_000L;

    private final SipSettings.Limits limits;
    private final SipMetrics metrics;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public InboundAdmission(SipSettings.Limits limits, SipMetrics metrics, LongSupplier nanoTime) {
        this.limits = limits;
        this.metrics = metrics;
        this.nanoTime = nanoTime;
    }

    @Override
    public Verdict admit(String connection, String method, int contentLength) {
        if (contentLength > limits.maxBodyBytes()) {
            metrics.refused("too_large");
            return Verdict.TOO_LARGE;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            buckets.values().removeIf(b -> b.idleSince(now) > IDLE_NANOS);
        }
        Bucket bucket = buckets.computeIfAbsent(connection, k -> new Bucket(limits.requestBurst(), now));
        if (!bucket.take(now, limits.requestsPerSecond(), limits.requestBurst())) {
            metrics.refused("rate_limited");
            return Verdict.RATE_LIMITED;
        }
        return Verdict.ADMIT;
    }

    /** A token bucket; synchronized per connection. */
    private static final class Bucket {
        private double tokens;
        private long last;

        Bucket(int tokens, long now) {
            this.tokens = tokens;
            this.last = now;
        }

        synchronized boolean take(long now, int perSecond, int burst) {
            tokens = Math.min(burst, tokens + (now - last) * perSecond / 1e9);
            last = now;
            if (tokens < 1) {
                return false;
            }
            tokens -= 1;
            return true;
        }

        synchronized long idleSince(long now) {
            return now - last;
        }
    }
}
