package org.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.SippAgent;

/** Call plumbing (RFC 3261 §9, §13–15) against sipp callers and callees behind the Kamailio edge. */
class SipCallIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final SipBody SDP = SipBody.text("application/sdp", String.join("\r\n", "v=0",
            "o=gw 1 1 IN IP4 127.0.0.4", "s=-", "c=IN IP4 127.0.0.4", "t=0 0", "m=audio 50000 RTP/AVP 0",
            "a=rtpmap:0 PCMU/8000", ""));

    private final TestPki pki = new TestPki();
    private final InetSocketAddress gatewayAddress = Fixtures.freeAddress(Fixtures.GATEWAY_IP);
    private SippAgent sipp;
    private KamailioEdge edge;
    private SipFederation gateway;

    @AfterEach
    void stop() {
        if (sipp != null) {
            sipp.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (edge != null) {
            edge.close();
        }
    }

    @Test
    void callsASippCalleeGetsRingingAndAnAnsweredDialogAcknowledgesAndHangsUp() throws Exception {
        sipp = SippAgent.scenario(getClass().getResource("sipp/uas_call.xml")).timeLimit(Duration.ofSeconds(20))
                .listen();
        start(RecordingInbound.answering(200), sipp.localAddress());
        List<ProvisionalResponse> progress = new CopyOnWriteArrayList<>();

        OutgoingCall call = gateway.calls().invite(invite("sip:bob@edge.test"), progress::add);
        CallOutcome outcome = outcome(call);

        assertThat(outcome).as(sipp.log()).isInstanceOf(CallOutcome.Answered.class);
        CallOutcome.Answered answered = (CallOutcome.Answered) outcome;
        assertThat(answered.response().body()).map(SipBody::text).hasValueSatisfying(t -> assertThat(t).contains("m=audio 40000"));
        assertThat(progress).extracting(ProvisionalResponse::status).contains(180);
        assertThat(answered.call().id()).isEqualTo(call.id());
        SipOutcome bye = Fixtures.await(answered.call().hangUp(), WAIT);
        assertThat(bye).isInstanceOfSatisfying(SipOutcome.FinalResponse.class, r -> assertThat(r.status()).isEqualTo(200));
        assertThat(sipp.awaitExit(WAIT)).as(sipp.log() + edge.log()).hasValue(0);
        assertThat(Fixtures.await(answered.call().hangUp(), WAIT)).isInstanceOf(SipOutcome.Invalid.class);
    }

    @Test
    void cancelsBeforeTheAnswerOnlyOnceTheCalleeRangAndEndsWith487() throws Exception {
        sipp = SippAgent.scenario(getClass().getResource("sipp/uas_cancelled.xml")).timeLimit(Duration.ofSeconds(20))
                .listen();
        start(RecordingInbound.answering(200), sipp.localAddress());
        List<ProvisionalResponse> progress = new CopyOnWriteArrayList<>();

        OutgoingCall call = gateway.calls().invite(invite("sip:bob@edge.test"), progress::add);
        assertThat(call.cancel()).isTrue();
        CallOutcome outcome = outcome(call);

        assertThat(outcome).as(sipp.log() + edge.log()).isInstanceOfSatisfying(CallOutcome.NotAnswered.class,
                n -> assertThat(n.outcome()).isInstanceOfSatisfying(SipOutcome.FinalResponse.class,
                        r -> assertThat(r.status()).isEqualTo(487)));
        assertThat(progress).isNotEmpty();
        assertThat(call.cancel()).isFalse();
        assertThat(sipp.awaitExit(WAIT)).as(sipp.log() + edge.log()).hasValue(0);
    }

    @Test
    void answersASippCallerWithSdpSeesTheAckAndTheCallersBye() throws Exception {
        RecordingInbound inbound = RecordingInbound.answering(200).answeringCalls(call -> {
            call.progress(180, Optional.empty());
            call.answer(SDP, List.of());
        });
        start(inbound, new InetSocketAddress("127.0.0.7", 5070));

        sipp = call("uac_call.xml");

        CallEvent.Offered offered = (CallEvent.Offered) next(inbound);
        assertThat(offered.invite().requestUri()).isEqualTo("sip:alice@gw.test");
        assertThat(offered.invite().body()).map(SipBody::text).hasValueSatisfying(t -> assertThat(t).contains("m=audio 40002"));
        assertThat(next(inbound)).isEqualTo(new CallEvent.Established(offered.id()));
        assertThat(next(inbound)).isEqualTo(new CallEvent.Ended(offered.id(), CallEvent.EndReason.BYE));
        assertThat(sipp.awaitExit(WAIT)).as(sipp.log() + edge.log()).hasValue(0);
        assertThat(sipp.messageTrace()).contains("m=audio 50000", "Contact: <sip:gw.test:" + gatewayAddress.getPort()
                + ";transport=tls>");
    }

    @Test
    void answersACallersCancelWith200AndTheInviteWith487() throws Exception {
        RecordingInbound inbound = RecordingInbound.answering(200)
                .answeringCalls(call -> call.progress(180, Optional.empty()));
        start(inbound, new InetSocketAddress("127.0.0.7", 5070));

        sipp = call("uac_cancel.xml");

        CallEvent.Offered offered = (CallEvent.Offered) next(inbound);
        assertThat(next(inbound)).isEqualTo(new CallEvent.Ended(offered.id(), CallEvent.EndReason.CANCELLED));
        assertThat(sipp.awaitExit(WAIT)).as(sipp.log() + edge.log()).hasValue(0);
        assertThat(offered.call().answer(SDP, List.of())).isFalse();
    }

    private void start(RecordingInbound inbound, InetSocketAddress userAgent) throws SipStartException {
        edge = KamailioEdge.builder().tls(pki.edge, pki.anchors()).allowedPeer("gw.test").userAgent(userAgent)
                .gateway(gatewayAddress, "gw.test").start();
        gateway = SipFederation.start(Fixtures.settings(gatewayAddress, edge.tlsAddress().getPort(),
                pki.tls(pki.gateway)), inbound, new SimpleMeterRegistry());
        Fixtures.eventually(WAIT, "edge up", () -> gateway.edgeState() == EdgeState.UP);
    }

    private SippAgent call(String scenario) {
        return SippAgent.scenario(getClass().getResource("sipp/" + scenario)).service("alice")
                .key("rdomain", "gw.test").calls(1).timeLimit(Duration.ofSeconds(20)).callTo(edge.tcpAddress());
    }

    private static OutboundRequest invite(String to) {
        return new OutboundRequest("INVITE", to, "sip:alice@gw.test", to, List.of(), Optional.of(SDP));
    }

    private CallOutcome outcome(OutgoingCall call) throws InterruptedException {
        try {
            return call.outcome().toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError("no call outcome within " + WAIT + "\n" + sipp.log() + "\n" + edge.log(), e);
        }
    }

    private CallEvent next(RecordingInbound inbound) throws InterruptedException {
        try {
            return inbound.nextCallEvent(WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + sipp.log() + "\n" + edge.log(), e);
        }
    }
}
