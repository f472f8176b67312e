package org.parley.sip.call;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javax.sip.SipProvider;
import org.parley.sip.CallEvent;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * What the calls share.
 *
 * @param events delivers events to the application on a worker thread
 */
record CallServices(SipProvider provider, RequestFactory factory, OutboundSender sender,
                    ScheduledExecutorService scheduler, Executor worker, Consumer<CallEvent> events,
                    CallTable table) {
}
