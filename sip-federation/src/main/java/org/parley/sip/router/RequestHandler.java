package org.parley.sip.router;

import javax.sip.RequestEvent;

/** Handles the requests of one method; called on the stack's event thread, so it must not block. */
public interface RequestHandler {

    void handle(RequestEvent event);
}
