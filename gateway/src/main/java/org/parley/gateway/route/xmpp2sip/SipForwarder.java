package org.parley.gateway.route.xmpp2sip;

import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.route.Direction;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.StanzaErrors;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.im.XmppMessage;
import org.parley.mapper.xmpp2sip.MessageTranslator;
import org.parley.mapper.xmpp2sip.SipAction;
import org.parley.sip.SipOutbound;
import org.parley.sip.SipOutcome;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forwards one XMPP message to SIP: the routing rule for the sender's domain, the RFC 7572 translation, the MESSAGE
 * through {@link SipOutbound}, and the sender's answer when the transaction ends ({@link SipOutcomeReply}). Every
 * message ends counted once, and every refused or failed one with an error stanza to its sender.
 */
final class SipForwarder {

    private static final Logger LOG = LoggerFactory.getLogger(SipForwarder.class);

    private final MessageTranslator translator;
    private final RoutePolicy policy;
    private final SipOutbound sip;
    private final XmppOutbound xmpp;
    private final RouteMetrics metrics;

    SipForwarder(MessageTranslator translator, RoutePolicy policy, SipOutbound sip, XmppOutbound xmpp,
                 RouteMetrics metrics) {
        this.translator = Objects.requireNonNull(translator, "translator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sip = Objects.requireNonNull(sip, "sip");
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /** Forwards {@code stanza}, already read as {@code message}. */
    void forward(Stanza stanza, XmppMessage message) {
        Optional<Rejection> refused = policy.refusal(stanza.from().domain());
        if (refused.isPresent()) {
            refuse(stanza, refused.get());
            return;
        }
        MappingResult<SipAction> translated = translator.translate(message);
        if (translated instanceof MappingResult.Rejected<SipAction> rejected) {
            refuse(stanza, rejected.rejection());
            return;
        }
        SipAction action = translated.orElseThrow();
        if (action instanceof SipAction.Absorbed absorbed) {
            LOG.debug("message from {} to {} needs no SIP request ({})", stanza.from(), stanza.to(), absorbed.reason());
            metrics.count(Direction.XMPP_TO_SIP, RouteOutcome.ABSORBED);
            return;
        }
        SipAction.Send send = (SipAction.Send) action;
        sip.send(SipRequests.toOutbound(send.message()))
                .whenComplete((outcome, failure) -> answer(stanza, message, outcome == null
                        ? new SipOutcome.TransportError(String.valueOf(failure)) : outcome));
    }

    /** Answers {@code stanza} with the error for {@code rejection}; nothing was forwarded. */
    void refuse(Stanza stanza, Rejection rejection) {
        LOG.info("refused message from {} to {}: {} ({})", stanza.from(), stanza.to(),
                rejection.condition().elementName(), rejection.reason());
        metrics.count(Direction.XMPP_TO_SIP, RouteOutcome.REFUSED, rejection.condition().elementName());
        stanza.errorReply(StanzaErrors.toS2s(rejection)).ifPresent(this::reply);
    }

    private void answer(Stanza stanza, XmppMessage message, SipOutcome outcome) {
        SipOutcomeReply reply = SipOutcomeReply.of(outcome, stanza, message);
        if (reply.outcome() != RouteOutcome.DELIVERED) {
            LOG.info("message from {} to {} not delivered: {} ({})", stanza.from(), stanza.to(), reply.condition(),
                    outcome);
        }
        metrics.count(Direction.XMPP_TO_SIP, reply.outcome(), reply.condition());
        reply.reply().ifPresent(this::reply);
    }

    private void reply(Stanza answer) {
        try {
            xmpp.send(answer);
        } catch (RuntimeException e) {
            LOG.warn("cannot answer {} (the XMPP side is stopping?): {}", answer.to(), e.toString());
        }
    }
}
