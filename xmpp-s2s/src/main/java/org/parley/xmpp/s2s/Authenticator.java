package org.parley.xmpp.s2s;

import java.util.Optional;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamErrorCondition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a stream's authentication state changes and policy is applied (the shape of Prosody's
 * {@code make_authenticated}): SASL EXTERNAL (XEP-0178) and dialback (XEP-0220), inbound and outbound, all end
 * here. A domain pair is added only when the {@link PeerPolicy} permits the remote domain, TLS is up where the
 * gateway or the domain requires it (ROBUSTNESS 11), and the mechanism is one the domain's policy allows.
 */
final class Authenticator {

    private static final Logger LOG = LoggerFactory.getLogger(Authenticator.class);

    /** How a domain proved itself. */
    enum Mechanism { EXTERNAL, DIALBACK }

    private final PeerPolicy policy;
    private final TlsMode tlsMode;
    private final S2sMetrics metrics;

    Authenticator(PeerPolicy policy, TlsMode tlsMode, S2sMetrics metrics) {
        this.policy = policy;
        this.tlsMode = tlsMode;
        this.metrics = metrics;
    }

    /** Why {@code pair} may not authenticate with {@code mechanism} on this stream; empty when it may. */
    Optional<StreamError> refusal(SessionState session, DomainPair pair, Mechanism mechanism) {
        PeerDecision decision = policy.decide(pair.remote());
        if (decision instanceof PeerDecision.Refused refused) {
            return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    refused.domain() + " " + refused.reason()));
        }
        PeerDecision.Permitted permitted = (PeerDecision.Permitted) decision;
        if (tlsRequired(pair.remote()) && !session.secured()) {
            return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    "TLS is required for " + pair.remote() + " before authentication"));
        }
        if (mechanism == Mechanism.DIALBACK && permitted.auth() == AuthRequirement.EXTERNAL) {
            return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    pair.remote() + " must authenticate with a certificate (SASL EXTERNAL)"));
        }
        if (mechanism == Mechanism.EXTERNAL && permitted.auth() == AuthRequirement.DIALBACK) {
            return Optional.of(new StreamError(StreamErrorCondition.POLICY_VIOLATION,
                    pair.remote() + " must authenticate with dialback"));
        }
        return Optional.empty();
    }

    /** Whether streams with {@code remote} (null: not yet known) must be secured before authentication. */
    boolean tlsRequired(String remote) {
        return tlsMode == TlsMode.REQUIRED || remote != null
                && policy.decide(remote) instanceof PeerDecision.Permitted p && p.tls() == TlsRequirement.REQUIRED;
    }

    /** Whether policy forbids TLS with {@code remote} (null: not yet known). */
    boolean tlsRefused(String remote) {
        return remote != null && policy.decide(remote) instanceof PeerDecision.Permitted p
                && p.tls() == TlsRequirement.DISABLED;
    }

    /**
     * Marks {@code pair} authenticated on {@code session} unless policy refuses; the refusal, if any, is the
     * stream error to close with.
     */
    Optional<StreamError> authenticate(SessionState session, DomainPair pair, Mechanism mechanism) {
        Optional<StreamError> refusal = refusal(session, pair, mechanism);
        if (refusal.isPresent()) {
            LOG.warn("refusing {} authentication of {} ({}): {}", mechanism, pair, session.direction(),
                    refusal.get().text());
            metrics.authentication(session.direction(), mechanism, false, pair.remote());
            return refusal;
        }
        boolean first = !session.anyAuthenticated();
        session.addAuthenticated(pair);
        metrics.authentication(session.direction(), mechanism, true, pair.remote());
        if (first) {
            metrics.sessionAuthenticated(session.direction());
        }
        LOG.info("authenticated {} ({}) with {} over {}", pair, session.direction(), mechanism,
                session.secured() ? "TLS" : "a clear stream");
        return Optional.empty();
    }

    /** A failed attempt (bad key, certificate not acceptable), counted and logged. */
    void failed(SessionState session, DomainPair pair, Mechanism mechanism, String why) {
        LOG.warn("{} authentication of {} ({}) failed: {}", mechanism, pair, session.direction(), why);
        metrics.authentication(session.direction(), mechanism, false, pair.remote());
    }
}
