package org.parley.gateway.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.UnresolvedAddressException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.gateway.config.Endpoint;

class BindFailureTest {

    private static final ListenTarget ADMIN = new ListenTarget("admin", new Endpoint("127.0.0.1", 8080), "admin");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        ADDRESS_IN_USE        | cannot listen on 127.0.0.1:8080 (admin): address already in use — stop the other process or change <admin port> in conf/gateway.xml
        ADDRESS_NOT_AVAILABLE | cannot listen on 127.0.0.1:8080 (admin): address not available on this host — use one of this host's addresses (or 0.0.0.0) in <admin address> in conf/gateway.xml
        PERMISSION_DENIED     | cannot listen on 127.0.0.1:8080 (admin): permission denied — ports below 1024 need privileges: change <admin port> in conf/gateway.xml or grant the capability to bind them
        UNRESOLVED            | cannot listen on 127.0.0.1:8080 (admin): host name does not resolve — change <admin address> in conf/gateway.xml
        OTHER                 | cannot listen on 127.0.0.1:8080 (admin): cannot bind — check <admin address> and <admin port> in conf/gateway.xml
        """)
    void describesEachProblemWithTheAddressPortAndWhatToChange(BindProblem problem, String message) {
        assertThat(new BindFailure(ADMIN, problem, null).getMessage()).isEqualTo(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        admin             | <admin port>
        xmpp/listen       | <xmpp><listen port>
        sip/access-edge   | <sip><access-edge port>
        """)
    void namesTheConfigurationAttributeByItsElementPath(String element, String attribute) {
        assertThat(new ListenTarget("x", new Endpoint("::1", 1), element).attribute("port")).isEqualTo(attribute);
    }

    @Test
    void namesTheConfigurationFileItIsAskedTo() {
        BindFailure failure = new BindFailure(ADMIN, BindProblem.ADDRESS_IN_USE, null);

        assertThat(failure.describe("/etc/parley/gateway.xml"))
                .endsWith("change <admin port> in /etc/parley/gateway.xml");
    }

    @Test
    void bracketsIpv6Addresses() {
        ListenTarget sip = new ListenTarget("sip", new Endpoint("::1", 5061), "sip/listen");

        assertThat(new BindFailure(sip, BindProblem.ADDRESS_IN_USE, null).getMessage())
                .startsWith("cannot listen on [::1]:5061 (sip): address already in use");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Address already in use                                  | ADDRESS_IN_USE
        Address already in use: bind                            | ADDRESS_IN_USE
        bind(..) failed: Address already in use                 | ADDRESS_IN_USE
        Cannot assign requested address                         | ADDRESS_NOT_AVAILABLE
        Permission denied                                       | PERMISSION_DENIED
        """)
    void recognisesTheOperatingSystemsWordingAnywhereInTheCauseChain(String text, BindProblem problem) {
        Exception wrapped = new UncheckedIOException(new IOException(text));

        assertThat(BindFailure.recognise(ADMIN, wrapped)).hasValueSatisfying(failure -> {
            assertThat(failure.problem()).isEqualTo(problem);
            assertThat(failure.getCause()).isSameAs(wrapped);
        });
    }

    @Test
    void recognisesAnUnresolvedAddress() {
        assertThat(BindFailure.recognise(ADMIN, new UnresolvedAddressException()))
                .hasValueSatisfying(f -> assertThat(f.problem()).isEqualTo(BindProblem.UNRESOLVED));
    }

    @Test
    void showsTheCauseOfAnUnclassifiedBindException() {
        BindFailure failure = BindFailure.of(ADMIN, new BindException("Protocol wrong type"));

        assertThat(failure.problem()).isEqualTo(BindProblem.OTHER);
        assertThat(failure.getMessage()).isEqualTo("cannot listen on 127.0.0.1:8080 (admin): Protocol wrong type"
                + " — check <admin address> and <admin port> in conf/gateway.xml");
    }

    @Test
    void doesNotMistakeOtherErrorsForBindProblems() {
        assertThat(BindFailure.recognise(ADMIN, new IOException("Connection reset by peer"))).isEmpty();
    }

    @Test
    void classifiesTheJdksErrorForAPortAlreadyListenedOn() throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket holder = new ServerSocket(0, 1, loopback); ServerSocket second = new ServerSocket()) {
            ListenTarget target = new ListenTarget("admin", new Endpoint("127.0.0.1", holder.getLocalPort()),
                    "admin");

            BindException thrown = catchThrowableOfType(
                    () -> second.bind(new InetSocketAddress(loopback, holder.getLocalPort())), BindException.class);

            assertThat(BindFailure.of(target, thrown).getMessage()).startsWith(
                    "cannot listen on 127.0.0.1:" + holder.getLocalPort() + " (admin): address already in use");
        }
    }
}
