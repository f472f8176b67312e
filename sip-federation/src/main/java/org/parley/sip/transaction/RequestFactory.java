package org.parley.sip.transaction;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.RouteHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipBody;
import org.parley.sip.SipDialogSnapshot;
import org.parley.sip.SipHeader;
import org.parley.sip.stack.SipStackRuntime;

/**
 * Builds out-of-dialog requests (RFC 3261 §8.1.1) with the gateway's FQDN in Via sent-by and Contact (never
 * a bare host or IP: the edge routes responses and in-dialog requests by it, RFC 5922 §4), a fresh From tag,
 * a fresh Call-ID unless the request names one in a {@code Call-ID} header (RFC 7572 maps an XMPP thread to it),
 * and Max-Forwards 70. Contact only on dialog-creating requests (INVITE, SUBSCRIBE, REFER).
 */
public final class RequestFactory {

    private static final Set<String> DIALOG_CREATING = Set.of(Request.INVITE, Request.SUBSCRIBE, Request.REFER);

    private final SipStackRuntime runtime;
    private final String fqdn;
    private final int port;

    public RequestFactory(SipStackRuntime runtime, String fqdn, int port) {
        this.runtime = runtime;
        this.fqdn = fqdn;
        this.port = port;
    }

    public Request build(OutboundRequest request) throws ParseException, InvalidArgumentException {
        URI requestUri = runtime.addresses().createURI(request.requestUri());
        Address from = runtime.addresses().createAddress(request.from());
        Address to = runtime.addresses().createAddress(request.to());
        ViaHeader via = runtime.headers().createViaHeader(fqdn, port, "tls", null);
        Optional<String> givenCallId = SipHeader.first(request.headers(), CallIdHeader.NAME);
        CallIdHeader callId = givenCallId.isPresent()
                ? runtime.headers().createCallIdHeader(givenCallId.get())
                : runtime.provider().getNewCallId();
        Request built = runtime.messages().createRequest(requestUri, request.method(), callId, runtime.headers().createCSeqHeader(1L, request.method()),
                runtime.headers().createFromHeader(from, tag()), runtime.headers().createToHeader(to, null),
                List.of(via), runtime.headers().createMaxForwardsHeader(70));
        if (DIALOG_CREATING.contains(request.method())) {
            built.addHeader(contact());
        }
        for (SipHeader header : request.headers()) {
            if (header.name().equalsIgnoreCase(CallIdHeader.NAME)) {
                continue;
            }
            for (Header field : stackHeaders(header)) {
                built.addHeader(field);
            }
        }
        if (request.body().isPresent()) {
            setBody(built, request.body().get());
        }
        return built;
    }

    /**
     * A request within the dialog {@code dialog} when the stack does not hold it (RFC 3261 §12.2.1.1): Request-URI
     * the remote target, Call-ID, From the local URI and tag, To the remote URI and tag, CSeq the snapshot's
     * {@code localCseq}, one Route per route-set entry in order (loose routing, RFC 3261 §16.12), Via with the
     * gateway's FQDN and Max-Forwards 70. No Contact: the caller adds it where the method needs it.
     */
    public Request inDialog(SipDialogSnapshot dialog, String method) throws ParseException, InvalidArgumentException {
        Request built = runtime.messages().createRequest(runtime.addresses().createURI(dialog.remoteTarget()), method,
                runtime.headers().createCallIdHeader(dialog.callId()),
                runtime.headers().createCSeqHeader(dialog.localCseq(), method),
                runtime.headers().createFromHeader(runtime.addresses().createAddress(dialog.localUri()),
                        dialog.localTag()),
                runtime.headers().createToHeader(runtime.addresses().createAddress(dialog.remoteUri()),
                        dialog.remoteTag()),
                List.of(runtime.headers().createViaHeader(fqdn, port, "tls", null)),
                runtime.headers().createMaxForwardsHeader(70));
        for (String route : dialog.routeSet()) {
            built.addHeader(runtime.headers().createHeader(RouteHeader.NAME, route)); // appended: order kept
        }
        return built;
    }

    /** The gateway's Contact: {@code <sip:fqdn:port;transport=tls>}. */
    public ContactHeader contact() throws ParseException {
        return runtime.headers().createContactHeader(
                runtime.addresses().createAddress("<sip:" + fqdn + ":" + port + ";transport=tls>"));
    }

    /**
     * The stack's header fields for {@code header}. A comma-separated value of a list header (Allow, Accept,
     * Supported, …; RFC 3261 §7.3.1) becomes one field per element, since the stack creates only singletons.
     */
    public List<Header> stackHeaders(SipHeader header) throws ParseException {
        try {
            return List.of(runtime.headers().createHeader(header.name(), header.value()));
        } catch (ParseException e) {
            if (!header.value().contains(",")) {
                throw e;
            }
            List<Header> fields = new ArrayList<>();
            for (String element : header.value().split(",")) {
                fields.add(runtime.headers().createHeader(header.name(), element.strip()));
            }
            return fields;
        }
    }

    /** Sets a body and its Content-Type (RFC 3261 §20.15). */
    public void setBody(javax.sip.message.Message message, SipBody body) throws ParseException {
        ContentTypeHeader type = (ContentTypeHeader) runtime.headers().createHeader(ContentTypeHeader.NAME,
                body.contentType());
        message.setContent(body.content(), type);
    }

    private static String tag() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }
}
