package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken configurations and what the loader says about them: the message fragment, and the line and column
 * marked with {@value ConfigTexts#MARK} in each text.
 */
class ConfigLoaderProblemsTest {

    private static final ConfigLoader LOADER = new ConfigLoader();

    @TempDir
    Path dir;

    static Stream<Arguments> schemaViolations() {
        return Stream.of(
                row("not well-formed XML", "not well-formed XML: The element type \"xmpp\" must be terminated", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain>
                        </‸gateway>
                        """),
                row("DOCTYPE", "<!DOCTYPE>: a DOCTYPE declaration is not allowed", """
                        <!DOCTYPE‸ gateway [<!ENTITY x "y">]>
                        <gateway xmlns="urn:parley:gateway:1"/>
                        """),
                row("empty file", "not well-formed XML: Premature end of file", "‸"),
                row("wrong root element", "<config>: the root element must be <gateway xmlns=\"urn:parley:gateway:1\"> in no namespace",
                        "‸<config/>\n"),
                row("root in another namespace", "<gateway>: the root element must be <gateway xmlns=\"urn:parley:gateway:1\"> in namespace urn:parley:gateway:2",
                        "‸<gateway xmlns=\"urn:parley:gateway:2\"/>\n"),
                row("unknown element", "<foo>: unexpected element <foo>; expected one of <domain>, <listen>, <tls>, <dialback>, <dns>, <limits>", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain>
                            ‸<foo/>
                          </xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("element out of order", "<listen>: unexpected element <listen>; expected one of <domain>, <fqdn>", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain>‸<listen port="5061"/><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("element without namespace", "<xmpp>: unexpected element <xmpp> in no namespace (elements of the configuration are in urn:parley:gateway:1); expected <xmpp>", """
                        <gateway xmlns="urn:parley:gateway:1">
                          ‸<xmpp xmlns=""><domain>xmpp.example.test</domain></xmpp>
                        </gateway>
                        """),
                row("XInclude is not processed", "<include>: unexpected element <include> in namespace http://www.w3.org/2001/XInclude", """
                        <gateway xmlns="urn:parley:gateway:1" xmlns:xi="http://www.w3.org/2001/XInclude">
                          ‸<xi:include href="other.xml"/>
                        </gateway>
                        """),
                row("unknown attribute", "<listen addres>: unknown attribute 'addres'; allowed are address, port", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain>
                            <listen port="5269"
                                    ‸addres="127.0.0.1"/>
                          </xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("attribute on an element without attributes", "<xmpp id>: unknown attribute 'id'; <xmpp> has no attributes", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp ‸id="1"><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("missing required element", "<xmpp>: missing element: expected <domain>", """
                        <gateway xmlns="urn:parley:gateway:1">
                          ‸<xmpp>
                          </xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("missing section", "<gateway>: missing element: expected <sip>", """
                        ‸<gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                        </gateway>
                        """),
                row("missing required attribute", "<domain>: missing required attribute 'name'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation>‸<domain tls="required"/></federation>
                        </gateway>
                        """),
                row("port above 65535", "<listen port>: expected an integer from 0 to 65535, got '70000'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><listen address="0.0.0.0" ‸port="70000"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("port not a number", "<admin port>: expected an integer from 0 to 65535, got 'http'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <admin ‸port="http"/>
                        </gateway>
                        """),
                row("access-edge port 0", "<access-edge port>: expected an integer from 1 to 65535, got '0'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn>
                            <access-edge host="edge.example.test" ‸port="0"/></sip>
                        </gateway>
                        """),
                row("federation port 0", "<domain port>: expected an integer from 1 to 65535, got '0'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain name="remote.test" ‸port="0"/></federation>
                        </gateway>
                        """),
                row("message size too small", "<messages max-size>: expected an integer from 100 to 1048576 (octets), got '10'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <messages ‸max-size="10"/>
                        </gateway>
                        """),
                row("subscribe rate of zero", "<presence subscribe-rate>: expected an integer from 1 to 100000 (SUBSCRIBEs per second), got '0'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸subscribe-rate="0"/>
                        </gateway>
                        """),
                row("start rate above the rate", "<presence subscribe-start-rate>: expected at most subscribe-rate (20), got '50'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence subscribe-rate="20" ‸subscribe-start-rate="50"/>
                        </gateway>
                        """),
                row("start rate above the default rate", "<presence subscribe-start-rate>: expected at most subscribe-rate (200), got '201'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸subscribe-start-rate="201"/>
                        </gateway>
                        """),
                row("start rate of zero", "<presence subscribe-start-rate>: expected an integer from 1 to 100000 (SUBSCRIBEs per second), got '0'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸subscribe-start-rate="0"/>
                        </gateway>
                        """),
                row("linger over a second", "<presence state-write-linger>: expected an ISO-8601 duration from PT0S to PT1S such as PT0.005S (PT0S for none), got 'PT2S'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸state-write-linger="PT2S"/>
                        </gateway>
                        """),
                row("linger in minutes", "<presence state-write-linger>: expected an ISO-8601 duration from PT0S to PT1S such as PT0.005S (PT0S for none), got 'PT1M'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸state-write-linger="PT1M"/>
                        </gateway>
                        """),
                row("linger not a duration", "<presence state-write-linger>: expected an ISO-8601 duration from PT0S to PT1S such as PT0.005S (PT0S for none), got '5ms'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸state-write-linger="5ms"/>
                        </gateway>
                        """),
                row("presence after media", "<presence>: unexpected element <presence>; expected one of <store>, <federation>, <admin>", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <media/>
                          ‸<presence/>
                        </gateway>
                        """),
                row("media port below 1024", "<media port-min>: expected an integer from 1024 to 65535, got '80'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <media ‸port-min="80"/>
                        </gateway>
                        """),
                row("bad TLS mode", "<tls mode>: expected one of required, optional, disabled, got 'maybe'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><tls ‸mode="maybe"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("bad federation mode", "<federation mode>: expected one of allow-list, open, got 'allowlist'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation ‸mode="allowlist"/>
                        </gateway>
                        """),
                row("bad auth policy", "<domain auth>: expected one of external, dialback, any, got 'sasl'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain name="remote.test" ‸auth="sasl"/></federation>
                        </gateway>
                        """),
                row("bad boolean", "<domain enabled>: expected true or false, got 'yes'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain name="remote.test" ‸enabled="yes"/></federation>
                        </gateway>
                        """),
                row("duration with months", "<limits idle-timeout>: expected a positive ISO-8601 duration in days, hours, minutes and seconds such as PT30S, PT10M or P1D, got 'P1M'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><limits ‸idle-timeout="P1M"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("zero duration", "<limits connect-timeout>: expected a positive ISO-8601 duration", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><limits ‸connect-timeout="PT0S"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("duration not ISO-8601", "<dns timeout>: expected a positive ISO-8601 duration in days, hours, minutes and seconds such as PT30S, PT10M or P1D, got '5s'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><dns server="127.0.0.1" ‸timeout="5s"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("max stanza size below 10000", "<limits max-stanza-size>: expected a number of bytes from 10000 to 2147483647, got '9999'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><limits ‸max-stanza-size="9999"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("queue size 0", "<limits queue-size>: expected an integer from 1 to 2147483647, got '0'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><limits ‸queue-size="0"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("JDBC URL without jdbc:", "<store url>: expected a JDBC URL such as jdbc:h2:file:data/parley, got 'h2:file:data'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <store ‸url="h2:file:data"/>
                        </gateway>
                        """),
                row("text where only elements belong", "<xmpp>: text is not allowed here, only elements", """
                        <gateway xmlns="urn:parley:gateway:1">
                          ‸<xmpp>xmpp.example.test<domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("content in an empty element", "<listen>: must be empty; its settings are attributes", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain>‸<listen>5269</listen></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("element inside a text element", "<domain>: must contain text only, no elements", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp>‸<domain>xmpp<b/>.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """));
    }

    static Stream<Arguments> semanticProblems() {
        return Stream.of(
                row("subscribe expires not whole seconds", "<presence subscribe-expires>: expected a whole number of seconds such as PT30S, got 'PT90.5S'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸subscribe-expires="PT90.5S"/>
                        </gateway>
                        """),
                row("subscribe expires above a day", "<presence subscribe-expires>: expected at most P1D (86400 seconds), got 'P2D'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸subscribe-expires="P2D"/>
                        </gateway>
                        """),
                row("retry below a second", "<presence retry>: expected a whole number of seconds such as PT30S, got 'PT0.5S'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <presence ‸retry="PT0.5S"/>
                        </gateway>
                        """),
                row("invalid XMPP domain", "<domain>: expected a domain name, got 'xmpp..example.test': not a valid internationalised domain name (Empty label", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp>‸<domain>xmpp..example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("IP address as SIP domain", "<domain>: expected a domain name, got '192.0.2.1': an IP address, not a domain name", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip>‸<domain>192.0.2.1</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("invalid fqdn", "<fqdn>: expected a domain name, got 'gw_1.example.test'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain>‸<fqdn>gw_1.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("invalid access-edge host", "<access-edge host>: expected a domain name, got '-edge.example.test'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn><access-edge ‸host="-edge.example.test"/></sip>
                        </gateway>
                        """),
                row("invalid federation domain", "<domain name>: expected a domain name, got 'remote test'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain ‸name="remote test"/></federation>
                        </gateway>
                        """),
                row("invalid host override", "<domain host>: expected a domain name, got 'xmpp..remote.test'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain name="remote.test" ‸host="xmpp..remote.test"/></federation>
                        </gateway>
                        """),
                row("duplicate XMPP domain after normalisation", "<domain>: duplicate XMPP domain 'xmpp.example.test' (first at line 2)", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain>
                                ‸<domain>XMPP.Example.Test.</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("duplicate SIP domain", "<domain>: duplicate SIP domain 'sip.example.test' (first at line 3)", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain>
                               ‸<domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("duplicate federation domain", "<domain name>: duplicate federation domain 'remote.test' (first at line 5)", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation>
                            <domain name="remote.test"/>
                            <domain ‸name="Remote.Test"/>
                          </federation>
                        </gateway>
                        """),
                row("own domain in federation", "<domain name>: 'xmpp.example.test' is this gateway's own XMPP domain (line 2); list remote domains only", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <federation><domain ‸name="xmpp.example.test"/></federation>
                        </gateway>
                        """),
                row("port-min above port-max", "<media port-min>: port-min 60000 is above port-max 59999", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <media ‸port-min="60000"/>
                        </gateway>
                        """),
                row("odd port-min", "<media port-min>: expected an even port", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <media port-max="40000" ‸port-min="30001"/>
                        </gateway>
                        """),
                row("host name as listen address", "<listen address>: expected an IPv4 or IPv6 address, got 'localhost'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><listen ‸address="localhost"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("DNS server not an IP address", "<dns server>: expected an IPv4 or IPv6 address, got 'ns1.example.test'", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain><dns ‸server="ns1.example.test"/></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                        </gateway>
                        """),
                row("two listeners on one port", "<admin port>: port 5269 is also used by <xmpp><listen> (default) on 0.0.0.0:5269", """
                        <gateway xmlns="urn:parley:gateway:1">
                          <xmpp><domain>xmpp.example.test</domain></xmpp>
                          <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                          <admin ‸port="5269"/>
                        </gateway>
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"schemaViolations", "semanticProblems"})
    void reportsProblemWithLineAndColumn(String name, String expected, String text) throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), text);

        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(file), ConfigException.class);

        assertThat(thrown).as("loading must fail").isNotNull();
        assertThat(thrown.problems()).hasSize(1);
        ConfigProblem problem = thrown.problems().get(0);
        assertThat(problem.file()).isEqualTo(file);
        assertThat(problem.line() + ":" + problem.column()).isEqualTo(ConfigTexts.markedPosition(text));
        assertThat(problem.toString()).startsWith(file + ":" + problem.line() + ":" + problem.column() + ": ")
                .contains(expected);
    }

    @Test
    void readsLikeACompilerMessage() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><listen port="70000"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                </gateway>
                """);

        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(file), ConfigException.class);

        assertThat(thrown.getMessage())
                .isEqualTo(file + ":2:51: <listen port>: expected an integer from 0 to 65535, got '70000'");
    }

    @Test
    void collectsEverySemanticProblemInFileOrder() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp..example.test</domain><listen address="localhost"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn><listen port="5269"/></sip>
                  <media port-min="50001"/>
                  <federation><domain name="a.test"/><domain name="a.test"/></federation>
                </gateway>
                """);

        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(file), ConfigException.class);

        assertThat(thrown.problems()).extracting(p -> p.line() + " " + p.subject()).containsExactly(
                "2 <domain>", "2 <listen address>", "3 <listen port>", "4 <media port-min>", "5 <domain name>");
    }

    @Test
    void collectsEverySchemaViolation() throws Exception {
        Path file = ConfigTexts.write(dir.resolve("gateway.xml"), """
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp><domain>xmpp.example.test</domain><listen port="-1" adress="::"/><tls mode="on"/></xmpp>
                  <sip><domain>sip.example.test</domain><fqdn>gw.example.test</fqdn></sip>
                  <admin port="99999"/>
                </gateway>
                """);

        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(file), ConfigException.class);

        assertThat(thrown.problems()).extracting(ConfigProblem::subject)
                .containsExactly("<listen port>", "<listen adress>", "<tls mode>", "<admin port>");
    }

    @Test
    void reportsMissingFile() {
        Path file = dir.resolve("absent.xml");

        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(file), ConfigException.class);

        assertThat(thrown.problems()).containsExactly(new ConfigProblem(file, 0, 0, "", "configuration file not found"));
        assertThat(thrown.getMessage()).isEqualTo(file + ": configuration file not found");
    }

    @Test
    void reportsDirectoryInsteadOfFile() {
        ConfigException thrown = catchThrowableOfType(() -> LOADER.load(dir), ConfigException.class);

        assertThat(thrown.problems()).extracting(ConfigProblem::message)
                .containsExactly("is a directory, not a configuration file");
    }

    private static Arguments row(String name, String expected, String text) {
        return Arguments.of(name, expected, text);
    }
}
