package org.parley.xmpp.s2s;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.parley.xmpp.dialback.DialbackElement;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamErrorCondition;
import org.parley.xmpp.stream.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dialback on an inbound stream (XEP-0220): the <em>authoritative</em> role answers {@code db:verify} on any
 * inbound stream, authenticated or not, from the key alone (§2.1.3); the <em>receiving</em> role takes a
 * {@code db:result}, asks the remote domain's authoritative server through {@link DialbackVerifier}, and hands a
 * valid answer to the session's single authentication funnel (§2.1.2, §2.2). Several domain pairs may be
 * pending or authenticated on one stream (§4). Answers ({@code type} set) arriving here were never asked for on
 * this stream and are ignored (ROBUSTNESS 10).
 */
final class InboundDialback {

    private static final Logger LOG = LoggerFactory.getLogger(InboundDialback.class);

    private final InboundSession session;
    private final S2sContext context;
    private final DialbackVerifier verifier;
    private final Set<DomainPair> pending = new HashSet<>();

    InboundDialback(InboundSession session, S2sContext context, DialbackVerifier verifier) {
        this.session = session;
        this.context = context;
        this.verifier = verifier;
    }

    void onElement(XmlElement element) {
        Optional<DialbackElement> parsed = DialbackElement.parse(element);
        if (parsed.isEmpty()) {
            session.fail(new StreamError(StreamErrorCondition.IMPROPER_ADDRESSING, "dialback needs from and to"));
            return;
        }
        DialbackElement db = parsed.get();
        if (!db.isRequest()) {
            LOG.warn("ignoring unsolicited db:{} type={} from {} on an inbound stream", db.kind(),
                    db.type().orElse(""), db.from());
            return;
        }
        if (db.kind() == DialbackElement.Kind.VERIFY) {
            answerVerify(db);
        } else {
            onResult(db);
        }
    }

    /** Authoritative role: is this a key we generated for (receiving, originating, stream id)? */
    private void answerVerify(DialbackElement verify) {
        String ours = InboundSession.normalised(verify.to());
        boolean valid = context.settings().serves(ours) && context.settings().dialbackKeys()
                .verify(InboundSession.normalised(verify.from()), ours, verify.id(), verify.key());
        LOG.debug("answering db:verify from {} for stream {}: {}", verify.from(), verify.id(), valid ? "valid" : "invalid");
        session.write(verify.answer(valid ? "valid" : "invalid").toElement());
    }

    /** Receiving role: check the key with the remote domain's authoritative server. */
    private void onResult(DialbackElement result) {
        String local = InboundSession.normalised(result.to());
        String remote = InboundSession.normalised(result.from());
        if (!context.settings().serves(local)) {
            session.fail(new StreamError(StreamErrorCondition.HOST_UNKNOWN, "this server does not serve " + local));
            return;
        }
        DomainPair pair = new DomainPair(local, remote);
        Optional<StreamError> refusal = context.authenticator().refusal(session.state, pair,
                Authenticator.Mechanism.DIALBACK);
        if (refusal.isPresent()) {
            context.metrics().refused("policy");
            LOG.warn("refusing dialback from {}: {}", remote, refusal.get().text());
            session.fail(refusal.get());
            return;
        }
        if (session.state.certificateValidFor(remote)) {
            LOG.debug("{} has a valid certificate; dialback key accepted without a callback", remote);
            complete(pair, DialbackVerifier.Outcome.VALID);
            return;
        }
        if (!pending.add(pair)) {
            return;
        }
        verifier.verify(pair, session.streamId(), result.key()).whenComplete((outcome, error) ->
                session.runOnLoop(() -> complete(pair, outcome == null ? DialbackVerifier.Outcome.ERROR : outcome)));
    }

    private void complete(DomainPair pair, DialbackVerifier.Outcome outcome) {
        pending.remove(pair);
        if (session.isClosed()) {
            return;
        }
        DialbackElement answer = DialbackElement.request(DialbackElement.Kind.RESULT, pair.remote(), pair.local(),
                "", "");
        switch (outcome) {
            case VALID -> {
                Optional<StreamError> refusal = session.authenticate(pair, Authenticator.Mechanism.DIALBACK);
                if (refusal.isPresent()) {
                    session.fail(refusal.get());
                } else {
                    session.write(answer.answer("valid").toElement());
                }
            }
            case INVALID -> {
                context.authenticator().failed(session.state, pair, Authenticator.Mechanism.DIALBACK,
                        "the authoritative server says the key is invalid");
                session.write(answer.answer("invalid").toElement());
            }
            case ERROR -> {
                context.authenticator().failed(session.state, pair, Authenticator.Mechanism.DIALBACK,
                        "the authoritative server could not be asked");
                session.write(answer.answer("error").toElement());
            }
        }
    }
}
