package org.parley.xmpp.s2s;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.parley.xmpp.stanza.Stanza;

/** An {@link XmppInbound} that records what arrives, for tests to wait on. */
final class RecordingInbound implements XmppInbound {

    final BlockingQueue<Stanza> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Stanza> bounced = new LinkedBlockingQueue<>();
    /** Route transitions, as {@code domain STATE}. */
    final List<String> routeChanges = new CopyOnWriteArrayList<>();

    @Override
    public void received(Stanza stanza) {
        received.add(stanza);
    }

    @Override
    public void bounced(Stanza error) {
        bounced.add(error);
    }

    @Override
    public void routeChanged(String remoteDomain, RouteState state) {
        routeChanges.add(remoteDomain + " " + state);
    }

    static Stanza next(BlockingQueue<Stanza> queue, Duration timeout) throws InterruptedException {
        Stanza stanza = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (stanza == null) {
            throw new AssertionError("nothing arrived within " + timeout);
        }
        return stanza;
    }
}
