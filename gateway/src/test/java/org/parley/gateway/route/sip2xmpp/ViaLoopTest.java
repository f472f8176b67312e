package org.parley.gateway.route.sip2xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.sip.SipHeader;

class ViaLoopTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            SIP/2.0/TLS edge.test:5061;branch=z9hG4bK1                              | false
            SIP/2.0/TLS gw.test:5061;branch=z9hG4bK1                                | true
            SIP/2.0/TLS GW.TEST;branch=z9hG4bK1                                     | true
            SIP/2.0/TCP 127.0.0.7:5070;branch=z9hG4bK2, SIP/2.0/TLS gw.test:5061    | true
            SIP/2.0/TLS gw.test.example:5061;branch=z9hG4bK1                        | false
            """)
    void findsTheGatewaysOwnNameAsSentBy(String via, boolean loop) {
        assertThat(ViaLoop.passedThrough(List.of(new SipHeader("Via", via)), "gw.test")).isEqualTo(loop);
    }
}
