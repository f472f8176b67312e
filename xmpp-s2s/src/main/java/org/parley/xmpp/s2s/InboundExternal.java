package org.parley.xmpp.s2s;

import java.util.Optional;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.XmlElement;

/**
 * SASL EXTERNAL on an inbound stream, as receiving server (XEP-0178 §3, RFC 6120 §6): succeeds only on a TLS
 * stream whose peer presented a chain to our trust anchors that names the domain asked for (the authzid, or the
 * stream's {@code from}), and only if {@link Authenticator} lets the domain in; anything else is a SASL
 * {@code <failure/>} and the peer may fall back to dialback where policy allows (ROBUSTNESS 12). Success restarts
 * the stream (RFC 6120 §6.4.6).
 */
final class InboundExternal {

    private final InboundSession session;
    private final S2sContext context;

    InboundExternal(InboundSession session, S2sContext context) {
        this.session = session;
        this.context = context;
    }

    void onAuth(XmlElement auth) {
        SessionState state = session.state;
        if (!"EXTERNAL".equals(auth.attribute("mechanism").orElse("")) || !state.secured()) {
            session.write(Features.saslFailure());
            return;
        }
        String authzid = Features.decodeAuthzid(auth.text().strip());
        String domain = authzid.isEmpty() ? session.peerFrom() : InboundSession.normalised(authzid);
        DomainPair pair = new DomainPair(session.localDomain(), String.valueOf(domain));
        if (domain == null || !state.certificateValidFor(domain)) {
            context.authenticator().failed(state, pair, Authenticator.Mechanism.EXTERNAL,
                    "certificate " + state.certificateDescription() + " is not valid for " + domain);
            session.write(Features.saslFailure());
            return;
        }
        Optional<StreamError> refusal = session.authenticate(pair, Authenticator.Mechanism.EXTERNAL);
        if (refusal.isPresent()) {
            session.fail(refusal.get());
            return;
        }
        session.write(Features.saslSuccess());
        session.restartStream();
    }
}
