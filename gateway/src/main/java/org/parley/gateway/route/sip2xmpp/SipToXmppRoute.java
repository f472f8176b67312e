package org.parley.gateway.route.sip2xmpp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.parley.gateway.route.Direction;
import org.parley.gateway.route.MessageStanzaWriter;
import org.parley.gateway.route.PendingDeliveries;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.StanzaErrors;
import org.parley.gateway.route.presence.PresenceRoute;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.Addressee;
import org.parley.mapper.error.ErrorMapping;
import org.parley.mapper.im.XmppMessage;
import org.parley.mapper.sip2xmpp.MessageTranslator;
import org.parley.sip.EdgeState;
import org.parley.sip.InboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipInbound;
import org.parley.sip.SipResponder;
import org.parley.sip.SubscriptionEvent;
import org.parley.sip.WatcherEvent;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Stanza;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side's entry into the gateway ({@link SipInbound}, called on the SIP module's worker threads). A MESSAGE
 * (RFC 3428) from a local SIP user to a remote XMPP user is translated (RFC 7572 §5), checked against the routing
 * rules, sent over s2s, and its transaction stays open for the bounded wait ({@link PendingDeliveries}), without
 * holding a thread:
 * <ul>
 *   <li>an XMPP error about it within the wait → the RFC 7247 Table 2 code ({@code service-unavailable} → 403,
 *       {@code remote-server-not-found} → 404, …);</li>
 *   <li>a XEP-0184 receipt within the wait (when receipts are requested) → 200 OK;</li>
 *   <li>nothing within the wait → 202 Accepted (RFC 3428 §7: forwarded into a non-SIP domain, delivery not
 *       confirmed). An error arriving later is logged and counted as late; the SIP sender has been answered.</li>
 * </ul>
 * Refusals (translation, routing rules, a loop through the gateway) are answered at once and nothing is forwarded.
 * Other methods for now: SUBSCRIBE 489 Bad Event, INVITE 488 Not Acceptable Here, BYE and CANCEL 481, ACK nothing,
 * anything else 405 with Allow.
 */
public final class SipToXmppRoute implements SipInbound {

    private static final Logger LOG = LoggerFactory.getLogger(SipToXmppRoute.class);
    private static final String ALLOW = "MESSAGE, OPTIONS, ACK, BYE, CANCEL";

    private final String fqdn;
    private final MessageTranslator translator;
    private final RoutePolicy policy;
    private final PendingDeliveries pending;
    private final XmppOutbound xmpp;
    private final RouteMetrics metrics;
    private final Optional<PresenceRoute> presence;
    private final Consumer<EdgeState> edgeStates;

    /**
     * @param fqdn       the gateway's SIP name, for loop detection
     * @param translator the RFC 7572 SIP → XMPP translation
     * @param policy     the allow-list routing rule
     * @param pending    where transactions wait for the XMPP side
     * @param xmpp       where messages go
     */
    public SipToXmppRoute(String fqdn, MessageTranslator translator, RoutePolicy policy, PendingDeliveries pending,
                          XmppOutbound xmpp, RouteMetrics metrics) {
        this(fqdn, translator, policy, pending, xmpp, metrics, Optional.empty());
    }

    /**
     * The route with presence: subscription and watcher events go to {@code presence} (RFC 8048); without it,
     * watchers are refused 489 and subscription events only logged.
     */
    public SipToXmppRoute(String fqdn, MessageTranslator translator, RoutePolicy policy, PendingDeliveries pending,
                          XmppOutbound xmpp, RouteMetrics metrics, Optional<PresenceRoute> presence) {
        this(fqdn, translator, policy, pending, xmpp, metrics, presence, state -> { });
    }

    /**
     * The route with presence that also follows the edge link: every edge state change goes to {@code edgeStates}
     * (the presence route's {@link org.parley.gateway.route.presence.EdgeLinkWatch}).
     */
    public SipToXmppRoute(String fqdn, MessageTranslator translator, RoutePolicy policy, PendingDeliveries pending,
                          XmppOutbound xmpp, RouteMetrics metrics, Optional<PresenceRoute> presence,
                          Consumer<EdgeState> edgeStates) {
        this.edgeStates = Objects.requireNonNull(edgeStates, "edgeStates");
        this.presence = Objects.requireNonNull(presence, "presence");
        this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
        this.translator = Objects.requireNonNull(translator, "translator");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public void onRequest(InboundRequest request, SipResponder responder) {
        switch (request.method()) {
            case "MESSAGE" -> message(request, responder);
            case "ACK" -> LOG.debug("ACK for {} ignored", request.requestUri());
            case "SUBSCRIBE" -> responder.respond(489);
            case "INVITE" -> responder.respond(488);
            case "BYE", "CANCEL" -> responder.respond(481);
            default -> responder.respond(405, List.of(new SipHeader("Allow", ALLOW)), Optional.empty());
        }
    }

    @Override
    public void onSubscription(SubscriptionEvent event) {
        presence.ifPresentOrElse(route -> route.onSubscription(event),
                () -> LOG.debug("SIP subscription event {}", event));
    }

    @Override
    public void onWatcher(WatcherEvent event) {
        presence.ifPresentOrElse(route -> route.onWatcher(event), () -> SipInbound.super.onWatcher(event));
    }

    @Override
    public void onEdgeState(EdgeState state) {
        edgeStates.accept(state);
    }

    private void message(InboundRequest request, SipResponder responder) {
        if (ViaLoop.passedThrough(request.headers(), fqdn)) {
            refuse(request, responder, new Rejection(org.parley.mapper.error.StanzaErrorCondition.NOT_ACCEPTABLE,
                    482, "the request already passed through this gateway (Via " + fqdn + ")"));
            return;
        }
        MappingResult<XmppMessage> translated = SipMessages.read(request).flatMap(translator::translate);
        if (translated instanceof MappingResult.Rejected<XmppMessage> rejected) {
            refuse(request, responder, rejected.rejection());
            return;
        }
        XmppMessage message = translated.orElseThrow();
        Optional<Rejection> refused = policy.refusal(message.to().domain());
        if (refused.isPresent()) {
            refuse(request, responder, refused.get());
            return;
        }
        MappingResult<Stanza> written = MessageStanzaWriter.write(message);
        if (written instanceof MappingResult.Rejected<Stanza> rejected) {
            refuse(request, responder, rejected.rejection());
            return;
        }
        send(request, written.orElseThrow(), responder);
    }

    private void send(InboundRequest request, Stanza stanza, SipResponder responder) {
        if (!pending.await(stanza, fate -> answer(stanza, fate, responder))) {
            refuse(request, responder, new Rejection(org.parley.mapper.error.StanzaErrorCondition.NOT_ACCEPTABLE,
                    482, "a request with the same Call-ID, CSeq and From is in progress (merged request)"));
            return;
        }
        try {
            xmpp.send(stanza);
        } catch (RuntimeException notRunning) {
            pending.forget(stanza);
            refuse(request, responder, new Rejection(org.parley.mapper.error.StanzaErrorCondition.SERVICE_UNAVAILABLE,
                    503, "the XMPP side is not running: " + notRunning.getMessage()));
        }
    }

    private void answer(Stanza sent, PendingDeliveries.Fate fate, SipResponder responder) {
        if (fate instanceof PendingDeliveries.Fate.Bounced bounced) {
            Addressee addressee = sent.to().resource().isEmpty() ? Addressee.BARE_JID : Addressee.FULL_JID;
            int status = ErrorMapping.toSipStatus(StanzaErrors.toMapper(bounced.error()), addressee);
            String condition = bounced.error().condition().elementName();
            LOG.info("message from {} to {} bounced: {} → {}", sent.from(), sent.to(), condition, status);
            metrics.count(Direction.SIP_TO_XMPP, RouteOutcome.BOUNCED, condition);
            responder.respond(status);
            return;
        }
        metrics.count(Direction.SIP_TO_XMPP, RouteOutcome.DELIVERED);
        responder.respond(fate instanceof PendingDeliveries.Fate.Acknowledged ? 200 : 202);
    }

    private void refuse(InboundRequest request, SipResponder responder, Rejection rejection) {
        LOG.info("refused MESSAGE from {} to {}: {} {} ({})", request.from(), request.requestUri(),
                rejection.sipStatus(), rejection.condition().elementName(), rejection.reason());
        metrics.count(Direction.SIP_TO_XMPP, RouteOutcome.REFUSED, rejection.condition().elementName());
        List<SipHeader> headers = rejection.sipStatus() == 415
                ? List.of(new SipHeader("Accept", String.join(", ", MessageTranslator.ACCEPTED_CONTENT_TYPES)))
                : List.of();
        responder.respond(rejection.sipStatus(), headers, Optional.<SipBody>empty());
    }

}
