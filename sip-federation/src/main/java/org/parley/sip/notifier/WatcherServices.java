package org.parley.sip.notifier;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.parley.sip.WatcherEvent;
import org.parley.sip.transaction.OutboundSender;
import org.parley.sip.transaction.RequestFactory;

/**
 * What every {@link Watcher} shares: building and sending NOTIFYs, its timers, and where its events go.
 *
 * @param events receives every event of every watcher; an {@link WatcherEvent.Ended} is the last for its id
 */
record WatcherServices(RequestFactory factory, OutboundSender sender, ScheduledExecutorService scheduler,
                       Consumer<WatcherEvent> events) {
}
