package org.parley.gateway.route.xmpp2sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.parley.mapper.address.SipAddress;
import org.parley.mapper.im.ContentType;
import org.parley.mapper.im.SipMessage;
import org.parley.sip.OutboundRequest;
import org.parley.sip.SipHeader;

/** The mapper's MESSAGE written as the SIP module's outbound request. */
class SipRequestsTest {

    @Test
    void writesEveryHeaderTheMapperSetsAndKeepsTheGruuInsideAngleBrackets() {
        SipMessage message = new SipMessage(SipAddress.of("o'malley", "contoso.test"),
                SipAddress.of("o'malley", "contoso.test"),
                SipAddress.of("alice", "jabber.test").withGruu("pc 1"), "t-42", OptionalLong.empty(),
                Optional.of(ContentType.TEXT_PLAIN_UTF8), List.of("en", "cs"), Optional.of("Plans"),
                "ahoj".getBytes(StandardCharsets.UTF_8));

        OutboundRequest request = SipRequests.toOutbound(message);

        assertThat(request.method()).isEqualTo("MESSAGE");
        assertThat(request.requestUri()).isEqualTo("sip:o'malley@contoso.test");
        assertThat(request.to()).isEqualTo("<sip:o'malley@contoso.test>");
        assertThat(request.from()).isEqualTo("<sip:alice@jabber.test;gr=pc%201>");
        assertThat(request.headers()).containsExactly(new SipHeader("Call-ID", "t-42"),
                new SipHeader("Content-Language", "en, cs"), new SipHeader("Subject", "Plans"));
        assertThat(request.body()).hasValueSatisfying(body -> {
            assertThat(body.contentType()).isEqualTo("text/plain;charset=UTF-8");
            assertThat(body.text()).isEqualTo("ahoj");
        });
    }

    @Test
    void leavesOutWhatTheMessageDoesNotHave() {
        SipMessage message = new SipMessage(SipAddress.of("bob", "contoso.test"), SipAddress.of("bob", "contoso.test"),
                SipAddress.of("alice", "jabber.test"), "conv-1", OptionalLong.empty(), Optional.empty(), List.of(),
                Optional.empty(), new byte[0]);

        OutboundRequest request = SipRequests.toOutbound(message);

        assertThat(request.headers()).containsExactly(new SipHeader("Call-ID", "conv-1"));
        assertThat(request.body()).isEmpty();
    }
}
