package org.parley.xmpp.s2s;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.parley.xmpp.stanza.Jid;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stanza.StanzaKind;
import org.parley.xmpp.stream.XmlElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Liveness of one ready outbound stream: when the stream has been quiet for the ping interval it sends an
 * XEP-0199 ping (§4.1, server to server) and declares the peer dead if no answer comes within the ping timeout;
 * a stream that carried no stanza for a whole idle period is closed (RFC 6120 §4.4), so it is closed after
 * between one and two idle periods without stanzas. Timers run on the channel's event loop, so tests drive
 * them with an {@code EmbeddedChannel}'s clock. Confined to that loop.
 */
final class OutboundLiveness {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundLiveness.class);

    private final Channel channel;
    private final DomainPair pair;
    private final S2sContext context;
    private final PingTracker pings;
    private final Consumer<String> dead;
    private final Runnable idle;
    private ScheduledFuture<?> idleCheck;
    private boolean stanzaSinceCheck;
    private int pingCounter;

    /** {@code dead} takes the reason the peer is considered dead; {@code idle} closes an idle stream. */
    OutboundLiveness(Channel channel, DomainPair pair, S2sContext context, PingTracker pings, Consumer<String> dead,
                     Runnable idle) {
        this.channel = channel;
        this.pair = pair;
        this.context = context;
        this.pings = pings;
        this.dead = dead;
        this.idle = idle;
    }

    /** The stream became ready: the idle clock starts. */
    void start() {
        long period = context.settings().timeouts().idle().toMillis();
        idleCheck = channel.eventLoop().scheduleAtFixedRate(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }

    void stanzaSent() {
        stanzaSinceCheck = true;
    }

    /** Nothing was written for the ping interval: probe the peer. */
    void quiet() {
        String id = "ping-" + context.newStreamId().substring(0, 12) + "-" + (++pingCounter);
        pings.register(id, () -> LOG.debug("{} answered ping {}", pair.remote(), id));
        channel.writeAndFlush(Stanza.of(StanzaKind.IQ, Jid.domain(pair.local()), Jid.domain(pair.remote()), id, "get",
                List.of(XmlElement.builder(LocalDomain.PING, "ping").build())).element());
        channel.eventLoop().schedule(() -> checkPing(id), context.settings().timeouts().pingTimeout().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
    }

    private void checkPing(String id) {
        if (pings.forget(id) && channel.isActive()) {
            dead.accept(pair.remote() + " did not answer ping " + id + " within "
                    + context.settings().timeouts().pingTimeout());
        }
    }

    private void checkIdle() {
        if (stanzaSinceCheck) {
            stanzaSinceCheck = false;
        } else if (channel.isActive()) {
            stop();
            idle.run();
        }
    }
}
