package org.parley.xmpp.s2s;

import java.util.Optional;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaParse;
import org.parley.xmpp.stream.StreamError;
import org.parley.xmpp.stream.StreamErrorCondition;
import org.parley.xmpp.stream.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks every stanza on an inbound stream passes before it is delivered (RFC 6120 §8.1, §13.7; ROBUSTNESS 8,
 * 9, 14, 15, 16): the stream has authenticated a domain; the rate budget holds (else reading pauses); the stanza
 * parses; its {@code from} domain is authenticated on this stream for its {@code to} domain, which must be one we
 * serve. Failures are stream errors through the session's one exit, or error replies where RFC 6120 gives one
 * ({@code jid-malformed}, {@code not-allowed} for relaying). Confined to the stream's event loop.
 */
final class InboundStanzas {

    private static final Logger LOG = LoggerFactory.getLogger(InboundStanzas.class);

    /** What the checks need from the stream. */
    interface Stream {
        void fail(StreamError error);

        void pauseReading();
    }

    private final Stream stream;
    private final SessionState state;
    private final S2sContext context;
    private final StanzaSink sink;
    private final XmppOutbound replies;
    private final StanzaRate rate;

    InboundStanzas(Stream stream, SessionState state, S2sContext context, StanzaSink sink, XmppOutbound replies) {
        this.stream = stream;
        this.state = state;
        this.context = context;
        this.sink = sink;
        this.replies = replies;
        this.rate = new StanzaRate(context.settings().limits().maxStanzasPerSecond());
    }

    void onStanza(XmlElement element) {
        if (!state.anyAuthenticated()) {
            stream.fail(new StreamError(StreamErrorCondition.NOT_AUTHORIZED, "authenticate before sending stanzas"));
            return;
        }
        if (!rate.admit(System.nanoTime())) {
            stream.pauseReading();
        }
        StanzaParse parse = Stanza.parse(element);
        if (parse instanceof StanzaParse.Rejected rejected) {
            onRejected(rejected);
            return;
        }
        Stanza stanza = ((StanzaParse.Parsed) parse).stanza();
        String from = stanza.from().domain();
        String to = stanza.to().domain();
        Optional<DomainPair> sender = pairOf(from);
        if (sender.isEmpty()) {
            stream.fail(new StreamError(StreamErrorCondition.INVALID_FROM, from + " is not authenticated on this stream"));
        } else if (!context.settings().serves(to)) {
            LOG.warn("refusing to relay a stanza from {} to {}", from, to);
            stanza.errorReplyFrom(Jid.domain(sender.get().local()),
                    StanzaError.of(StanzaErrorCondition.NOT_ALLOWED, "no relaying")).ifPresent(replies::send);
        } else if (!state.isAuthenticated(new DomainPair(to, from))) {
            stream.fail(new StreamError(StreamErrorCondition.INVALID_FROM, from + " is not authenticated for " + to));
        } else {
            context.metrics().stanzaIn(from);
            sink.deliver(stanza);
        }
    }

    private void onRejected(StanzaParse.Rejected rejected) {
        switch (rejected.problem()) {
            case NOT_A_STANZA -> stream.fail(StreamError.of(StreamErrorCondition.UNSUPPORTED_STANZA_TYPE));
            case MISSING_ADDRESS -> stream.fail(StreamError.of(StreamErrorCondition.IMPROPER_ADDRESSING));
            case MALFORMED_FROM -> stream.fail(new StreamError(StreamErrorCondition.INVALID_FROM, "malformed from"));
            case MALFORMED_TO -> {
                Jid sender = rejected.from().orElseThrow();
                Optional<DomainPair> pair = pairOf(sender.domain());
                if (pair.isEmpty()) {
                    stream.fail(new StreamError(StreamErrorCondition.INVALID_FROM, sender.domain() + " is not authenticated"));
                } else if (!"error".equals(rejected.element().attribute("type").orElse(""))) {
                    replies.send(Stanza.errorReply(StanzaError.of(StanzaErrorCondition.JID_MALFORMED), sender,
                            Jid.domain(pair.get().local()), rejected.element()));
                }
            }
        }
    }

    /** A pair authenticated on this stream with {@code remote} as the peer's domain. */
    private Optional<DomainPair> pairOf(String remote) {
        return state.authenticated().stream().filter(p -> p.remote().equals(remote)).findFirst();
    }
}
