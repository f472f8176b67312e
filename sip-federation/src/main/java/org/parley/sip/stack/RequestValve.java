package org.parley.sip.stack;

import gov.nist.javax.sip.header.RetryAfter;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPMessageValve;
import java.io.IOException;
import javax.sip.InvalidArgumentException;
import javax.sip.SipStack;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the {@link RequestPolicy} to each inbound request before the stack allocates a transaction:
 * a missing Max-Forwards gets 400 (RFC 3261 §8.1.1.6; the stack itself drops requests
 * without Via, From, To, Call-ID or CSeq, to which no answer can be formed), bodies over the limit get 413, connections over their rate get 503 with Retry-After; an ACK is dropped
 * instead (it has no response). A message cut off by the end of its connection ({@link IncompleteMessages}) is
 * dropped. The 400s and the drops are reported to {@link ConnectionEvents#requestRefused} (413 and 503 are
 * counted by the policy). Instantiated by the stack by class name ({@code SIP_MESSAGE_VALVE}).
 */
public final class RequestValve implements SIPMessageValve {

    private static final Logger LOG = LoggerFactory.getLogger(RequestValve.class);

    private volatile RequestPolicy policy;
    private volatile IncompleteMessages incomplete;
    private volatile ConnectionEvents events;

    /**
     * Whether the body ends in a NUL byte: jain-sip-ri pads a body cut off by the end of its connection with
     * zeros up to its Content-Length, and its own read timer can hand such a message over before the socket
     * wrapper has recorded the cut in {@link IncompleteMessages}. The bodies the gateway handles (text, PIDF,
     * isComposing and CPIM documents, SDP) never end in NUL.
     */
    static boolean paddedBody(byte[] body) {
        return body != null && body.length > 0 && body[body.length - 1] == 0;
    }

    @Override
    public void init(SipStack stack) {
        StackHooks hooks = StackHooks.forStack(stack.getStackName());
        this.policy = hooks.policy();
        this.incomplete = hooks.incomplete();
        this.events = hooks.events();
    }

    @Override
    public boolean processRequest(SIPRequest request, MessageChannel channel) {
        try {
            if (incomplete.take(channel.getPeerAddress(), channel.getPeerPort()) || paddedBody(request.getRawContent())) {
                LOG.info("dropping a {} cut off by the end of its connection from {}:{}", request.getMethod(),
                        channel.getPeerAddress(), channel.getPeerPort());
                events.requestRefused("cut_off");
                return false;
            }
            RequestPolicy.Verdict verdict = RequestPolicy.wellFormed(request.getMaxForwards() != null);
            if (verdict == RequestPolicy.Verdict.ADMIT) {
                String connection = channel.getPeerAddress() + ":" + channel.getPeerPort();
                int length = request.getContentLength() == null ? 0 : request.getContentLength().getContentLength();
                verdict = policy.admit(connection, request.getMethod(), length);
            }
            return switch (verdict) {
                case ADMIT -> true;
                case MISSING_HEADER -> {
                    events.requestRefused("missing_header");
                    yield refuse(request, channel, Response.BAD_REQUEST);
                }
                case TOO_LARGE -> refuse(request, channel, Response.REQUEST_ENTITY_TOO_LARGE);
                case RATE_LIMITED -> refuse(request, channel, Response.SERVICE_UNAVAILABLE);
            };
        } catch (RuntimeException e) {
            LOG.warn("dropping a request the valve could not inspect: {}", e.toString());
            return false;
        }
    }

    private static boolean refuse(SIPRequest request, MessageChannel channel, int status) {
        if (Request.ACK.equals(request.getMethod())) {
            return false;
        }
        SIPResponse response = request.createResponse(status);
        try {
            if (status == Response.SERVICE_UNAVAILABLE) {
                RetryAfter retryAfter = new RetryAfter();
                retryAfter.setRetryAfter(1);
                response.setHeader(retryAfter);
            }
            channel.sendMessage(response);
        } catch (IOException | InvalidArgumentException e) {
            LOG.debug("could not send {} to {}: {}", status, channel.getPeerAddress(), e.toString());
        }
        return false;
    }

    @Override
    public boolean processResponse(Response response, MessageChannel channel) {
        return true;
    }

    @Override
    public void destroy() {
        // nothing held
    }
}
