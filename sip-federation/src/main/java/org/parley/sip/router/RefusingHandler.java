package org.parley.sip.router;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sip.RequestEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.parley.sip.SipHeader;

/**
 * Refuses what the gateway does not do: 405 with Allow for methods it knows but does not accept (REGISTER,
 * PUBLISH, REFER, UPDATE, INFO, PRACK; RFC 3261 §21.4.6), 501 for unknown methods (§21.5.2). A stray ACK is
 * dropped (it has no response).
 */
public final class RefusingHandler implements RequestHandler {

    private static final Set<String> KNOWN = Set.of(Request.REGISTER, Request.PUBLISH, Request.REFER,
            Request.UPDATE, Request.INFO, Request.PRACK);

    private final Responders responders;

    public RefusingHandler(Responders responders) {
        this.responders = responders;
    }

    @Override
    public void handle(RequestEvent event) {
        String method = event.getRequest().getMethod();
        if (Request.ACK.equals(method)) {
            return;
        }
        boolean known = KNOWN.contains(method);
        responders.metrics().refused(known ? "method_not_allowed" : "not_implemented");
        responders.forEvent(event).ifPresent(responder -> {
            if (known) {
                responder.respond(Response.METHOD_NOT_ALLOWED, List.of(new SipHeader("Allow", SipEventRouter.ALLOW)),
                        Optional.empty());
            } else {
                responder.respond(Response.NOT_IMPLEMENTED);
            }
        });
    }
}
