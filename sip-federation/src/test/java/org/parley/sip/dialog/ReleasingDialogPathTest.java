package org.parley.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parley.sip.FakeDialog;
import org.parley.sip.FakeStack;
import org.parley.sip.SipDialogSnapshot;

/**
 * A subscription dialog held by the stack until it is established, then by its values alone (RFC 3261 §12.2.1.1):
 * the stack's dialog deleted and let go, CSeq, route set order and remote target carried over.
 */
class ReleasingDialogPathTest {

    private static final SipDialogSnapshot CONFIRMED = new SipDialogSnapshot("c-9@gw.test", "sip:alice@jabber.test",
            "gw-tag", "sip:bob@contoso.test", "ps-tag", "sip:bob@192.0.2.9:5070;transport=tls",
            List.of("<sip:edge.test;lr>", "<sip:proxy.contoso.test;lr;transport=tls>"), 4);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void anEstablishedDialogIsDeletedInTheStackAndNoLongerReferenced() throws Exception {
        FakeDialog held = new FakeDialog(CONFIRMED, stack.runtime);
        ReleasingDialogPath path = new ReleasingDialogPath(held.dialog(), stack.factory, List.of());

        path.established();

        assertThat(path.holdsStackDialog()).isFalse();
        assertThat(held.deleted()).isTrue();
        assertThat(held.collectedWithin(Duration.ofSeconds(10))).as("the stack's dialog is let go").isTrue();
        assertThat(path.snapshot()).contains(CONFIRMED);
    }

    @Test
    void theReleasedValuesShareTheCallersIdsAndOneCopyOfEachUri() {
        String callId = new String(CONFIRMED.callId());
        String tag = new String(CONFIRMED.localTag());
        ReleasingDialogPath path = new ReleasingDialogPath(new FakeDialog(CONFIRMED, stack.runtime).dialog(),
                stack.factory, List.of(callId, tag));
        ReleasingDialogPath other = new ReleasingDialogPath(new FakeDialog(CONFIRMED, stack.runtime).dialog(),
                stack.factory, List.of());

        path.established();
        other.established();

        SipDialogSnapshot kept = path.snapshot().orElseThrow();
        SipDialogSnapshot otherKept = other.snapshot().orElseThrow();
        assertThat(kept).isEqualTo(CONFIRMED);
        assertThat(kept.callId()).isSameAs(callId);
        assertThat(kept.localTag()).isSameAs(tag);
        assertThat(kept.remoteTarget()).isSameAs(otherKept.remoteTarget());
        assertThat(kept.localUri()).isSameAs(otherKept.localUri());
        assertThat(kept.routeSet().get(0)).isSameAs(otherKept.routeSet().get(0));
    }

    @Test
    void requestsAfterTheReleaseContinueTheDialogsCseqRouteSetAndTarget() throws Exception {
        ReleasingDialogPath path = new ReleasingDialogPath(new FakeDialog(CONFIRMED, stack.runtime).dialog(),
                stack.factory, List.of());
        path.established();

        Request refresh = path.createRequest(Request.SUBSCRIBE);
        path.targetRefreshed("sip:bob@198.51.100.3:5090;transport=tls");
        Request unsubscribe = path.createRequest(Request.SUBSCRIBE);

        assertThat(((CSeqHeader) refresh.getHeader(CSeqHeader.NAME)).getSeqNumber()).isEqualTo(5);
        assertThat(((CSeqHeader) unsubscribe.getHeader(CSeqHeader.NAME)).getSeqNumber()).isEqualTo(6);
        assertThat(refresh.getRequestURI().toString()).isEqualTo("sip:bob@192.0.2.9:5070;transport=tls");
        assertThat(unsubscribe.getRequestURI().toString()).isEqualTo("sip:bob@198.51.100.3:5090;transport=tls");
        assertThat(routes(refresh)).containsExactly("sip:edge.test;lr", "sip:proxy.contoso.test;lr;transport=tls");
        assertThat(((FromHeader) refresh.getHeader(FromHeader.NAME)).getTag()).isEqualTo("gw-tag");
        assertThat(((ToHeader) refresh.getHeader(ToHeader.NAME)).getTag()).isEqualTo("ps-tag");
    }

    @Test
    void aDialogWithoutTheRemoteTagYetStaysWithTheStack() {
        FakeDialog early = new FakeDialog(new SipDialogSnapshot("c-9@gw.test", "sip:alice@jabber.test", "gw-tag",
                "sip:bob@contoso.test", "", "sip:bob@contoso.test", List.of(), 1), stack.runtime);
        ReleasingDialogPath path = new ReleasingDialogPath(early.dialog(), stack.factory, List.of());

        assertThat(path.release()).isFalse();
        assertThat(path.holdsStackDialog()).isTrue();
        assertThat(early.deleted()).isFalse();
    }

    @Test
    void deletingBeforeTheReleaseDeletesTheStacksDialog() {
        FakeDialog held = new FakeDialog(CONFIRMED, stack.runtime);
        ReleasingDialogPath path = new ReleasingDialogPath(held.dialog(), stack.factory, List.of());

        path.delete();

        assertThat(held.deleted()).isTrue();
    }

    private static List<String> routes(Request request) {
        List<String> routes = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RouteHeader.NAME); it.hasNext(); ) {
            routes.add(((RouteHeader) it.next()).getAddress().getURI().toString());
        }
        return routes;
    }
}
