package org.parley.sip.router;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sip.RequestEvent;
import org.parley.sip.SipHeader;

/** Answers OPTIONS (RFC 3261 §11.2) with 200, Allow and Accept: the edge's keep-alive toward the gateway. */
public final class OptionsHandler implements RequestHandler {

    private final Responders responders;
    private final Executor worker;

    public OptionsHandler(Responders responders, Executor worker) {
        this.responders = responders;
        this.worker = worker;
    }

    @Override
    public void handle(RequestEvent event) {
        responders.forEvent(event).ifPresent(responder -> {
            Runnable answer = () -> responder.respond(200, List.of(new SipHeader("Allow", SipEventRouter.ALLOW),
                    new SipHeader("Accept", "text/plain, application/pidf+xml, application/sdp")), Optional.empty());
            try {
                worker.execute(answer);
            } catch (RejectedExecutionException e) {
                answer.run();
            }
        });
    }
}
