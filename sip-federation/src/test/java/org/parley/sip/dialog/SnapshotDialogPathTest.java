package org.parley.sip.dialog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import javax.sip.InvalidArgumentException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.FakeStack;
import org.parley.sip.SipDialogSnapshot;

/** Requests in a dialog the stack does not hold, built from its stored values (RFC 3261 §12.2.1.1). */
class SnapshotDialogPathTest {

    private static final SipDialogSnapshot WATCHER_DIALOG = new SipDialogSnapshot("c-17@edge.test",
            "sip:alice@jabber.test", "gw-tag", "sip:carol@contoso.test", "ua-tag",
            "sip:carol@192.0.2.7:5070;transport=tcp",
            List.of("<sip:edge.test;lr>", "<sip:proxy.contoso.test;lr;transport=tls>"), 7);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeStack stack = new FakeStack(scheduler);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void buildsTheRequestFromTheSnapshotWithRouteSetInOrderAndTheGatewaysVia() throws Exception {
        Request notify = stack.factory.inDialog(WATCHER_DIALOG.withLocalCseq(8), Request.NOTIFY);

        assertThat(notify.getMethod()).isEqualTo(Request.NOTIFY);
        assertThat(notify.getRequestURI().toString()).isEqualTo("sip:carol@192.0.2.7:5070;transport=tcp");
        assertThat(((CallIdHeader) notify.getHeader(CallIdHeader.NAME)).getCallId()).isEqualTo("c-17@edge.test");
        FromHeader from = (FromHeader) notify.getHeader(FromHeader.NAME);
        assertThat(from.getAddress().getURI().toString()).isEqualTo("sip:alice@jabber.test");
        assertThat(from.getTag()).isEqualTo("gw-tag");
        ToHeader to = (ToHeader) notify.getHeader(ToHeader.NAME);
        assertThat(to.getAddress().getURI().toString()).isEqualTo("sip:carol@contoso.test");
        assertThat(to.getTag()).isEqualTo("ua-tag");
        CSeqHeader cseq = (CSeqHeader) notify.getHeader(CSeqHeader.NAME);
        assertThat(cseq.getSeqNumber()).isEqualTo(8);
        assertThat(cseq.getMethod()).isEqualTo(Request.NOTIFY);
        assertThat(routes(notify)).containsExactly("sip:edge.test;lr", "sip:proxy.contoso.test;lr;transport=tls");
        ViaHeader via = (ViaHeader) notify.getHeader(ViaHeader.NAME);
        assertThat(via.getHost()).isEqualTo(FakeStack.FQDN);
        assertThat(via.getTransport()).isEqualToIgnoringCase("tls");
        assertThat(((MaxForwardsHeader) notify.getHeader(MaxForwardsHeader.NAME)).getMaxForwards()).isEqualTo(70);
        assertThat(notify.getHeader(ContactHeader.NAME)).as("Contact is the caller's").isNull();
    }

    @Test
    void buildsNoRouteWhenTheRouteSetIsEmpty() throws Exception {
        SipDialogSnapshot direct = new SipDialogSnapshot("c1", "sip:a@jabber.test", "t1", "sip:b@contoso.test", "t2",
                "sip:b@192.0.2.7", List.of(), 0);

        assertThat(stack.factory.inDialog(direct, Request.SUBSCRIBE).getHeader(RouteHeader.NAME)).isNull();
    }

    @Test
    void resumedDialogContinuesAboveTheStoredCseqByTheMarginAndCountsOn() throws Exception {
        SnapshotDialogPath path = new SnapshotDialogPath(WATCHER_DIALOG.resumed(), stack.factory);

        long first = ((CSeqHeader) path.createRequest(Request.NOTIFY).getHeader(CSeqHeader.NAME)).getSeqNumber();
        long second = ((CSeqHeader) path.createRequest(Request.NOTIFY).getHeader(CSeqHeader.NAME)).getSeqNumber();

        assertThat(first).isEqualTo(7 + SipDialogSnapshot.RESUME_CSEQ_MARGIN + 1);
        assertThat(second).isEqualTo(first + 1);
        assertThat(path.snapshot()).hasValueSatisfying(now -> assertThat(now.localCseq()).isEqualTo(second));
    }

    @ParameterizedTest(name = "stored CSeq {0} resumes at {1}")
    @CsvSource({"0, 1000", "7, 1007", "2147482647, 2147483647", "2147483000, 2147483647"})
    void resumedCseqStaysWithinTheRangeRfc3261Allows(long stored, long resumed) {
        assertThat(WATCHER_DIALOG.withLocalCseq(stored).resumed().localCseq()).isEqualTo(resumed);
    }

    @Test
    void refusesToBuildOnceTheCseqSpaceIsExhausted() {
        SnapshotDialogPath path = new SnapshotDialogPath(WATCHER_DIALOG.withLocalCseq(SipDialogSnapshot.MAX_CSEQ),
                stack.factory);

        assertThatThrownBy(() -> path.createRequest(Request.NOTIFY)).isInstanceOf(InvalidArgumentException.class);
    }

    @Test
    void aTargetRefreshChangesTheRequestUriOfLaterRequests() throws Exception {
        SnapshotDialogPath path = new SnapshotDialogPath(WATCHER_DIALOG, stack.factory);

        path.targetRefreshed("sip:carol@198.51.100.9:5080;transport=tcp");

        assertThat(path.createRequest(Request.NOTIFY).getRequestURI().toString())
                .isEqualTo("sip:carol@198.51.100.9:5080;transport=tcp");
    }

    private static List<String> routes(Request request) {
        List<String> values = new ArrayList<>();
        for (ListIterator<?> it = request.getHeaders(RouteHeader.NAME); it.hasNext(); ) {
            values.add(((RouteHeader) it.next()).getAddress().getURI().toString());
        }
        return values;
    }
}
