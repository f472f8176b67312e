package org.parley.gateway.route.xmpp2sip;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import org.parley.gateway.route.Direction;
import org.parley.gateway.route.MessageStanzaReader;
import org.parley.gateway.route.PendingDeliveries;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RoutePolicy;
import org.parley.gateway.route.presence.PresenceRoute;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.XmppMessage;
import org.parley.mapper.xmpp2sip.MessageTranslator;
import org.parley.sip.SipOutbound;
import org.parley.sip.concurrent.KeyedLanes;
import org.parley.xmpp.s2s.RouteState;
import org.parley.xmpp.s2s.XmppInbound;
import org.parley.xmpp.s2s.XmppOutbound;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The XMPP side's entry into the gateway ({@link XmppInbound}): stanzas from remote domains for the gateway's
 * addresses, and bounces of stanzas it sent. Called on Netty event loops, so it only hands each stanza to the
 * route workers; when their queue is full the sender is answered {@code resource-constraint} at once. The stanzas
 * of one sender (its bare JID) are handled one at a time in the order they arrived (RFC 6120 §10.1), so e.g. two
 * presence updates or two messages never reach SIP swapped; other senders' stanzas go on in parallel.
 * <ul>
 *   <li>Messages go to SIP ({@link SipForwarder}).</li>
 *   <li>Error messages, and XEP-0184 receipts, about messages the gateway sent for SIP users end the SIP
 *       transaction waiting for them ({@link PendingDeliveries}); an error that arrives after the wait is logged
 *       and counted as late.</li>
 *   <li>IQ get/set to a SIP user's JID: {@code service-unavailable} (RFC 6121 §8.5; every request is answered,
 *       RFC 6120 §8.2.3). IQ results and errors: dropped.</li>
 *   <li>Presence: to the {@link PresenceRoute} when there is one; otherwise ignored (RFC 6120 §10.5.3.2 lets a
 *       server ignore it) and logged at debug. Bounced presence (e.g. probes while a domain is unreachable) is
 *       only logged at debug: it changes no subscription state.</li>
 *   <li>Route changes of remote domains go to the {@link PresenceRoute}, which hands them to the route workers.</li>
 * </ul>
 */
public final class XmppToSipRoute implements XmppInbound {

    private static final Logger LOG = LoggerFactory.getLogger(XmppToSipRoute.class);
    private static final StanzaError NO_IQ_SERVICE = StanzaError.of(StanzaErrorCondition.SERVICE_UNAVAILABLE,
            "SIP users cannot answer IQ requests through this gateway");
    private static final Rejection OVERLOADED = new Rejection(
            org.parley.mapper.error.StanzaErrorCondition.RESOURCE_CONSTRAINT, 503, "the gateway is overloaded");

    private final KeyedLanes<Jid> senders;
    private final PendingDeliveries pending;
    private final SipForwarder forwarder;
    private final XmppOutbound xmpp;
    private final RouteMetrics metrics;
    private final Optional<PresenceRoute> presence;

    /**
     * @param senders    the route workers, one lane per sender's bare JID (bounded)
     * @param pending    SIP transactions waiting for the XMPP side
     * @param translator the RFC 7572 XMPP → SIP translation
     * @param policy     the allow-list routing rule
     * @param sip        where MESSAGEs go
     * @param xmpp       where answers to XMPP senders go
     */
    public XmppToSipRoute(KeyedLanes<Jid> senders, PendingDeliveries pending, MessageTranslator translator,
                          RoutePolicy policy, SipOutbound sip, XmppOutbound xmpp, RouteMetrics metrics) {
        this(senders, pending, translator, policy, sip, xmpp, metrics, Optional.empty());
    }

    /** The route with presence: presence stanzas go to {@code presence} (RFC 8048) on the route workers. */
    public XmppToSipRoute(KeyedLanes<Jid> senders, PendingDeliveries pending, MessageTranslator translator,
                          RoutePolicy policy, SipOutbound sip, XmppOutbound xmpp, RouteMetrics metrics,
                          Optional<PresenceRoute> presence) {
        this.presence = Objects.requireNonNull(presence, "presence");
        this.senders = Objects.requireNonNull(senders, "senders");
        this.pending = Objects.requireNonNull(pending, "pending");
        this.forwarder = new SipForwarder(translator, policy, sip, xmpp, metrics);
        this.xmpp = xmpp;
        this.metrics = metrics;
    }

    @Override
    public void received(Stanza stanza) {
        try {
            senders.execute(stanza.from().bare(), () -> handle(stanza));
        } catch (RejectedExecutionException overloaded) {
            if (stanza.kind() == StanzaKind.MESSAGE && !stanza.isError()) {
                forwarder.refuse(stanza, OVERLOADED);
            } else if (stanza.isIqRequest()) {
                stanza.errorReply(StanzaError.of(StanzaErrorCondition.RESOURCE_CONSTRAINT)).ifPresent(xmpp::send);
            }
        }
    }

    @Override
    public void bounced(Stanza error) {
        if (error.kind() == StanzaKind.PRESENCE) {
            LOG.debug("presence to {} from {} bounced", error.from(), error.to());
            return;
        }
        try {
            senders.execute(error.from().bare(), () -> errorArrived(error));
        } catch (RejectedExecutionException overloaded) {
            LOG.warn("bounce from {} to {} dropped: the gateway is overloaded", error.from(), error.to());
        }
    }

    @Override
    public void routeChanged(String remoteDomain, RouteState state) {
        presence.ifPresent(route -> route.xmppRouteChanged(remoteDomain, state));
    }

    private void handle(Stanza stanza) {
        switch (stanza.kind()) {
            case MESSAGE -> message(stanza);
            case IQ -> iq(stanza);
            case PRESENCE -> presence.ifPresentOrElse(route -> route.received(stanza),
                    () -> LOG.debug("presence from {} to {} not routed", stanza.from(), stanza.to()));
        }
    }

    private void message(Stanza stanza) {
        if (stanza.isError()) {
            errorArrived(stanza);
            return;
        }
        MappingResult<XmppMessage> read = MessageStanzaReader.read(stanza);
        if (read instanceof MappingResult.Rejected<XmppMessage> rejected) {
            forwarder.refuse(stanza, rejected.rejection());
            return;
        }
        XmppMessage message = read.orElseThrow();
        message.receiptFor().ifPresent(id -> pending.receiptArrived(stanza.from(), stanza.to(), id));
        forwarder.forward(stanza, message);
    }

    private void errorArrived(Stanza error) {
        if (!pending.errorArrived(error)) {
            String condition = StanzaError.from(error.element()).map(e -> e.condition().elementName())
                    .orElse(StanzaErrorCondition.UNDEFINED_CONDITION.elementName());
            LOG.info("error {} from {} to {} matches no waiting SIP transaction (late or unknown)", condition,
                    error.from(), error.to());
            metrics.lateError(Direction.SIP_TO_XMPP, condition);
        }
    }

    private void iq(Stanza stanza) {
        if (stanza.isIqRequest()) {
            stanza.errorReply(NO_IQ_SERVICE).ifPresent(xmpp::send);
        } else {
            LOG.debug("IQ {} from {} to {} dropped", stanza.type(), stanza.from(), stanza.to());
        }
    }
}
