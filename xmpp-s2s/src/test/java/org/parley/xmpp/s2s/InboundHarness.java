package org.parley.xmpp.s2s;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.xmpp.dialback.DialbackKeys;
import org.parley.xmpp.dns.DnsSettings;
import org.parley.xmpp.stanza.Stanza;
import org.parley.xmpp.stream.XmppStreamDecoder;
import org.parley.xmpp.stream.XmppStreamEncoder;

/** An {@link InboundSession} on an {@link EmbeddedChannel}, with a scripted authoritative server. */
final class InboundHarness {

    static final String GATEWAY = "gw.test";
    /** A second served domain, for several domain pairs on one stream (XEP-0220 §4). */
    static final String SECOND = "conf.gw.test";
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final List<Stanza> delivered = new ArrayList<>();
    final List<Stanza> replies = new ArrayList<>();
    final List<String> verifyRequests = new ArrayList<>();
    /** Route transitions reported, as {@code domain STATE}. */
    final List<String> routeChanges = new ArrayList<>();
    final RouteStates links = new RouteStates((domain, state) -> routeChanges.add(domain + " " + state));
    final CompletableFuture<DialbackVerifier.Outcome> verifyAnswer = new CompletableFuture<>();
    final S2sContext context;
    final ConnectionLimiter limiter;
    final EmbeddedChannel channel;

    InboundHarness(PeerPolicy policy, TlsSettings tls, S2sLimits limits) {
        this(policy, tls, limits, new ConnectionLimiter(limits.maxUnauthenticatedPerAddress()));
    }

    InboundHarness(PeerPolicy policy, TlsSettings tls, S2sLimits limits, ConnectionLimiter limiter) {
        this.context = S2sContext.of(settings(tls, limits), policy, new S2sMetrics(registry), new SecureRandom());
        this.limiter = limiter;
        DialbackVerifier verifier = (pair, streamId, key) -> {
            verifyRequests.add(pair + " " + streamId + " " + key);
            return (CompletionStage<DialbackVerifier.Outcome>) verifyAnswer;
        };
        this.channel = new EmbeddedChannel(new XmppStreamDecoder(limits.stream()), new XmppStreamEncoder(),
                new InboundSession(context, limiter, verifier, delivered::add, replies::add, links));
    }

    static InboundHarness open() {
        return new InboundHarness(PeerPolicy.open(), TlsSettings.disabled(), S2sLimits.defaults());
    }

    static S2sSettings settings(TlsSettings tls, S2sLimits limits) {
        return new S2sSettings(Set.of(GATEWAY, SECOND), new InetSocketAddress("127.0.0.1", 0), tls, new DialbackKeys(SECRET),
                new DnsSettings(Optional.empty(), Duration.ofSeconds(1)), limits,
                S2sTimeouts.defaults().withNegotiation(Duration.ofSeconds(5)));
    }

    static String header(String from) {
        return "<?xml version='1.0'?><stream:stream xmlns='jabber:server' xmlns:stream='http://etherx.jabber.org/streams'"
                + " xmlns:db='jabber:server:dialback' " + (from == null ? "" : "from='" + from + "' ")
                + "to='" + GATEWAY + "' version='1.0'>";
    }

    InboundHarness feed(String xml) {
        channel.writeInbound(Unpooled.copiedBuffer(xml, StandardCharsets.UTF_8));
        channel.runPendingTasks();
        return this;
    }

    /** Everything written since the last call, as text. */
    String output() {
        StringBuilder text = new StringBuilder();
        for (Object msg; (msg = channel.readOutbound()) != null; ) {
            ByteBuf bytes = (ByteBuf) msg;
            text.append(bytes.toString(StandardCharsets.UTF_8));
            bytes.release();
        }
        return text.toString();
    }

    /** The stream id we announced in our header. */
    String streamId(String output) {
        int at = output.indexOf(" id='");
        return output.substring(at + 5, output.indexOf('\'', at + 5));
    }

    /** Opens a stream from {@code remote} and authenticates it with dialback (authoritative server says valid). */
    InboundHarness authenticated(String remote) {
        feed(header(remote) + "<db:result from='" + remote + "' to='" + GATEWAY + "'>abc</db:result>");
        verifyAnswer.complete(DialbackVerifier.Outcome.VALID);
        channel.runPendingTasks();
        return this;
    }
}
