package org.parley.sip.router;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.sip.SipBody;
import org.parley.sip.SipHeader;
import org.parley.sip.SipResponder;
import org.parley.sip.metrics.SipMetrics;
import org.parley.sip.stack.SipStackRuntime;
import org.parley.sip.transaction.RequestFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one request through its server transaction (RFC 3261 §8.2.6, §17.2): adds a To tag to every
 * non-100 response (§8.2.6.2), a Contact with the gateway's FQDN to 2xx answers of dialog-creating requests,
 * sends at most one final response, and never throws.
 */
public final class TransactionResponder implements SipResponder {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionResponder.class);
    private static final Set<String> DIALOG_CREATING = Set.of(Request.INVITE, Request.SUBSCRIBE);

    private final SipStackRuntime runtime;
    private final RequestFactory factory;
    private final ServerTransaction transaction;
    private final SipMetrics metrics;
    private final AtomicBoolean finalSent = new AtomicBoolean();
    private final String toTag;

    public TransactionResponder(SipStackRuntime runtime, RequestFactory factory, ServerTransaction transaction,
                                SipMetrics metrics) {
        this(runtime, factory, transaction, metrics, newTag());
    }

    /** A responder that tags its responses with {@code toTag} (the gateway's tag in the dialog it creates). */
    public TransactionResponder(SipStackRuntime runtime, RequestFactory factory, ServerTransaction transaction,
                                SipMetrics metrics, String toTag) {
        this.runtime = runtime;
        this.factory = factory;
        this.transaction = transaction;
        this.metrics = metrics;
        this.toTag = toTag;
    }

    /** A fresh random tag (RFC 3261 §19.3). */
    public static String newTag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    public boolean respond(int status, List<SipHeader> headers, Optional<SipBody> body) {
        if (status < 100 || status > 699) {
            throw new IllegalArgumentException("status out of range: " + status);
        }
        if (status >= 200 && !finalSent.compareAndSet(false, true)) {
            return false;
        }
        Request request = transaction.getRequest();
        try {
            Response response = runtime.messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status != 100 && to.getTag() == null) {
                to.setTag(toTag);
            }
            if (status < 300 && status >= 200 && DIALOG_CREATING.contains(request.getMethod())) {
                response.setHeader(factory.contact());
            }
            for (SipHeader header : headers) {
                for (javax.sip.header.Header field : factory.stackHeaders(header)) {
                    response.addHeader(field);
                }
            }
            if (body.isPresent()) {
                factory.setBody(response, body.get());
            }
            transaction.sendResponse(response);
            if (status >= 200) {
                metrics.inbound(request.getMethod(), status);
            }
            return true;
        } catch (ParseException | SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("could not answer {} {} with {}: {}", request.getMethod(), request.getRequestURI(), status,
                    e.toString());
            return false;
        }
    }
}
