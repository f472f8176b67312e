package org.parley.gateway.route.presence;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.parley.sip.SipBody;
import org.parley.sip.SipNotifier;
import org.parley.sip.TerminationReason;
import org.parley.sip.WatcherId;
import org.parley.sip.WatcherState;

/** Records what the route decides for one watcher, as text: {@code accept 3600 PENDING}, {@code notify ACTIVE}. */
final class FakeNotifier implements SipNotifier {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<SipBody> bodies = new CopyOnWriteArrayList<>();
    private final WatcherId id;

    FakeNotifier(WatcherId id) {
        this.id = id;
    }

    @Override
    public WatcherId id() {
        return id;
    }

    @Override
    public boolean accept(Duration expires, WatcherState state, Optional<SipBody> body) {
        calls.add("accept " + expires.toSeconds() + " " + state);
        body.ifPresent(bodies::add);
        return true;
    }

    @Override
    public boolean reject(int status) {
        calls.add("reject " + status);
        return true;
    }

    @Override
    public boolean notify(WatcherState state, Optional<SipBody> body) {
        calls.add("notify " + state);
        body.ifPresent(bodies::add);
        return true;
    }

    @Override
    public boolean terminate(TerminationReason reason) {
        calls.add("terminate " + reason.token());
        return true;
    }
}
