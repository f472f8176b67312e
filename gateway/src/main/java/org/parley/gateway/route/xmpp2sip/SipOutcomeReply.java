package org.parley.gateway.route.xmpp2sip;

import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.route.MessageStanzaWriter;
import org.parley.gateway.route.RouteMetrics;
import org.parley.gateway.route.RouteOutcome;
import org.parley.gateway.route.StanzaErrors;
import org.parley.mapper.MappingResult;
import org.parley.mapper.error.ErrorMapping;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.mapper.im.XmppMessage;
import org.parley.mapper.sip2xmpp.DeliveryReceipts;
import org.parley.sip.SipHeader;
import org.parley.sip.SipOutcome;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaError;

/**
 * What the XMPP sender learns of a MESSAGE's end on the SIP side, and how it is counted.
 * <ul>
 *   <li>2xx: delivered; a XEP-0184 {@code <received/>} from the SIP user when the message asked for one and the
 *       answer is not 202 ({@link DeliveryReceipts#receiptFor}).</li>
 *   <li>3xx–6xx: the RFC 7247 Table 3 condition ({@link ErrorMapping#toStanzaError}), the reason phrase as text,
 *       a 3xx Contact as the new address.</li>
 *   <li>Timeout (no final response, Timer F): {@code remote-server-timeout} (RFC 7247 §7, ROBUSTNESS 22).</li>
 *   <li>Transport error (the edge is down, refused TLS, or the connection dropped with the request outstanding):
 *       {@code remote-server-timeout} as well, type {@code wait}: the SIP side could not be reached now, which is
 *       what a SIP proxy says with 408 for an unreachable next hop, and Table 2 maps 408 and
 *       {@code remote-server-timeout} to each other. Delivery may be unknown, so it is never called a success.</li>
 *   <li>Invalid (the stack could not build the request): refused, {@code bad-request}.</li>
 * </ul>
 *
 * @param outcome   how the message is counted
 * @param condition the error condition for the metric, or {@link RouteMetrics#NO_CONDITION}
 * @param reply     the stanza to send to the XMPP sender, if any
 */
public record SipOutcomeReply(RouteOutcome outcome, String condition, Optional<Stanza> reply) {

    public SipOutcomeReply {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(reply, "reply");
    }

    /** The reply to {@code sent} (read as {@code message}) for {@code outcome}. */
    public static SipOutcomeReply of(SipOutcome outcome, Stanza sent, XmppMessage message) {
        if (outcome instanceof SipOutcome.FinalResponse response && response.isSuccess()) {
            Optional<Stanza> receipt = DeliveryReceipts.receiptFor(message, response.status())
                    .map(MessageStanzaWriter::write)
                    .filter(MappingResult::isMapped)
                    .map(MappingResult::orElseThrow);
            return new SipOutcomeReply(RouteOutcome.DELIVERED, RouteMetrics.NO_CONDITION, receipt);
        }
        if (outcome instanceof SipOutcome.FinalResponse response) {
            Optional<String> contact = response.status() < 400
                    ? SipHeader.first(response.headers(), "Contact") : Optional.empty();
            StanzaError error = StanzaErrors.toS2s(ErrorMapping.toStanzaError(response.status(),
                    Optional.of(response.reason()), contact));
            return error(RouteOutcome.BOUNCED, sent, error);
        }
        if (outcome instanceof SipOutcome.Timeout) {
            return error(RouteOutcome.BOUNCED, sent, StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                    "no final response from the SIP side"));
        }
        if (outcome instanceof SipOutcome.TransportError) {
            return error(RouteOutcome.BOUNCED, sent, StanzaError.of(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT,
                    "the SIP access edge cannot be reached"));
        }
        return error(RouteOutcome.REFUSED, sent, StanzaError.of(StanzaErrorCondition.BAD_REQUEST,
                "the SIP request could not be built"));
    }

    private static SipOutcomeReply error(RouteOutcome outcome, Stanza sent, StanzaError error) {
        return new SipOutcomeReply(outcome, StanzaErrors.tag(error.condition()), sent.errorReply(error));
    }
}
