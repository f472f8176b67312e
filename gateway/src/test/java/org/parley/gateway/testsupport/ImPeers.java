package org.parley.gateway.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.parley.gateway.testpeers.Await;
import org.parley.pki.DevelopmentPki;
import org.parley.pki.IssuedCertificate;
import org.parley.pki.PemFiles;
import org.parley.testkit.DnsmasqServer;
import org.parley.testkit.KamailioEdge;
import org.parley.testkit.KamailioPresence;
import org.parley.testkit.Loopback;
import org.parley.testkit.ProsodyServer;
import org.parley.testkit.SippAgent;
import org.parley.testkit.XmppClients;

/**
 * The two-party IM world on loopback, every peer real: Prosody serving {@code jabber.test} (user alice, logged in
 * through Smack), the gateway (the packaged jar, {@code parley run}) serving the SIP and XMPP domain
 * {@code contoso.test} plus the XMPP-only {@code xmpponly.test} as {@code gw.test}, Kamailio as the Access Edge over
 * mutual TLS routing {@code contoso.test} to a sipp user agent and {@code jabber.test} and {@code evil.test} to the
 * gateway (as OCS did), and dnsmasq answering for all of them. Only {@code jabber.test} is on the allow list. For the
 * benchmark, {@link Options} can quieten the logs and add a second Prosody serving {@code other.test}. With a
 * {@link KamailioPresence}, Kamailio is also the presence server of {@code contoso.test}.
 * Everything started is stopped by PID on {@link #close()}.
 */
public final class ImPeers implements AutoCloseable {

    public static final String JABBER = "jabber.test";
    public static final String LOCAL = "contoso.test";
    public static final String XMPP_ONLY = "xmpponly.test";
    public static final String EVIL = "evil.test";
    public static final String FQDN = "gw.test";
    public static final String EDGE = "edge.test";
    public static final String OTHER = "other.test";
    public static final Duration WAIT = Duration.ofSeconds(30);

    /**
     * How the peers are started.
     *
     * @param edgeMemoryMb       Kamailio's shared memory
     * @param edgeLogLevel       Kamailio's {@code debug} level (2 logs a line per request)
     * @param prosodyLogLevel    Prosody's log level
     * @param gatewayJvmOptions  extra options for the gateway's JVM
     * @param jabberUsers        users registered on {@code jabber.test} besides alice (localpart = password)
     * @param otherProsody       whether to start a second Prosody serving {@code other.test} (users as
     *                           {@code jabberUsers}), federated with {@code jabber.test} over s2s in clear
     * @param edgeTlsPendingQueueBytes what may wait on a TLS connection of the edge's while its handshake is
     *                           pending ({@link KamailioEdge.Builder#tlsPendingQueueBytes})
     */
    public record Options(int edgeMemoryMb, int edgeLogLevel, String prosodyLogLevel, List<String> gatewayJvmOptions,
                          List<String> jabberUsers, boolean otherProsody, int edgeTlsPendingQueueBytes) {

        /** Kamailio's default pending queue, 64 KiB. */
        public Options(int edgeMemoryMb, int edgeLogLevel, String prosodyLogLevel, List<String> gatewayJvmOptions,
                       List<String> jabberUsers, boolean otherProsody) {
            this(edgeMemoryMb, edgeLogLevel, prosodyLogLevel, gatewayJvmOptions, jabberUsers, otherProsody, 65_536);
        }

        /** These options with the edge's pending queue of {@code bytes}. */
        public Options withEdgeTlsPendingQueue(int bytes) {
            return new Options(edgeMemoryMb, edgeLogLevel, prosodyLogLevel, gatewayJvmOptions, jabberUsers,
                    otherProsody, bytes);
        }

        /** The integration tests' peers: verbose logs, alice only. */
        public static Options forTests(int edgeMemoryMb) {
            return new Options(edgeMemoryMb, 2, "debug", List.of(), List.of(), false);
        }
    }

    private DnsmasqServer dns;
    private KamailioEdge edge;
    private ParleyProcess gateway;
    private ProsodyServer prosody;
    private ProsodyServer otherProsody;
    private XMPPTCPConnection alice;
    private InetSocketAddress userAgent;
    private String adminAddress;
    private int adminPort;
    private Path workDir;
    private Path config;
    private List<String> gatewayJvmOptions = List.of();
    private final Optional<KamailioPresence> edgePresence;

    private ImPeers(Optional<KamailioPresence> edgePresence) {
        this.edgePresence = edgePresence;
    }

    /** Starts every peer with its files under {@code dir}; Kamailio with {@code edgeMemoryMb} of shared memory. */
    public static ImPeers start(Path dir, int edgeMemoryMb) throws Exception {
        return start(dir, Options.forTests(edgeMemoryMb));
    }

    /** Starts every peer with its files under {@code dir}, as {@code options} say. */
    public static ImPeers start(Path dir, Options options) throws Exception {
        return start(dir, options, Optional.empty());
    }

    /** Starts every peer as {@code options} say, with Kamailio also the presence server of {@code contoso.test}. */
    public static ImPeers startWithPresenceServer(Path dir, Options options, KamailioPresence presence)
            throws Exception {
        return start(dir, options, Optional.of(presence));
    }

    private static ImPeers start(Path dir, Options options, Optional<KamailioPresence> presence) throws Exception {
        ImPeers peers = new ImPeers(presence);
        try {
            peers.launch(dir, options);
            return peers;
        } catch (Exception | Error e) {
            peers.close();
            throw e;
        }
    }

    private void launch(Path dir, Options options) throws Exception {
        String gatewayIp = Loopback.freeAddress();
        List<Integer> gatewayPorts = Loopback.freePorts(gatewayIp, 3);
        int xmppPort = gatewayPorts.get(0);
        int sipPort = gatewayPorts.get(1);
        adminAddress = gatewayIp;
        adminPort = gatewayPorts.get(2);
        String prosodyIp = Loopback.freeAddress();
        List<Integer> prosodyPorts = Loopback.freePorts(prosodyIp, 2);
        int c2s = prosodyPorts.get(0);
        int s2s = prosodyPorts.get(1);
        String otherIp = Loopback.freeAddress();
        List<Integer> otherPorts = Loopback.freePorts(otherIp, 2);
        int otherC2s = otherPorts.get(0);
        int otherS2s = otherPorts.get(1);
        String edgeIp = Loopback.freeAddress();
        String userAgentIp = Loopback.freeAddress();
        userAgent = new InetSocketAddress(userAgentIp, Loopback.freePort(userAgentIp));

        DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
        IssuedCertificate ca = pki.createCa("Parley IM test CA");
        writeGatewayCertificates(dir.resolve("certs"), pki, ca);

        dns = DnsmasqServer.builder()
                .address(LOCAL, gatewayIp).srv("_xmpp-server._tcp." + LOCAL, LOCAL, xmppPort, 0, 5)
                .address(XMPP_ONLY, gatewayIp).srv("_xmpp-server._tcp." + XMPP_ONLY, XMPP_ONLY, xmppPort, 0, 5)
                .address(JABBER, prosodyIp).srv("_xmpp-server._tcp." + JABBER, JABBER, s2s, 0, 5)
                .address(OTHER, otherIp).srv("_xmpp-server._tcp." + OTHER, OTHER, otherS2s, 0, 5)
                .address(EDGE, edgeIp)
                .start(Loopback.freeAddress());
        KamailioEdge.Builder edgeBuilder = KamailioEdge.builder().ip(edgeIp).domain(LOCAL).allowedPeer(FQDN)
                .tls(pki.issue(ca, List.of(EDGE)), List.of(ca.cert()))
                .userAgent(userAgent)
                .gateway(new InetSocketAddress(gatewayIp, sipPort), JABBER, EVIL, FQDN)
                .sharedMemoryMb(options.edgeMemoryMb()).logLevel(options.edgeLogLevel())
                .tlsPendingQueueBytes(options.edgeTlsPendingQueueBytes());
        edgePresence.ifPresent(edgeBuilder::presenceServer);
        edge = edgeBuilder.start();

        Path config = GatewayConfigFiles.write(dir, List.of(LOCAL, XMPP_ONLY),
                new GatewayConfigFiles.Xmpp(LOCAL, gatewayIp, xmppPort, "<dns server=\""
                        + dns.address().getHostString() + "\" port=\"" + dns.address().getPort() + "\" timeout=\"PT2S\"/>"),
                new GatewayConfigFiles.Sip(List.of(LOCAL), FQDN, gatewayIp, sipPort, EDGE, edge.tlsAddress().getPort()),
                adminPort, "    <domain name=\"" + JABBER + "\" tls=\"optional\" auth=\"dialback\"/>\n");
        Files.writeString(config, Files.readString(config)
                .replace("<admin address=\"127.0.0.1\"", "<admin address=\"" + gatewayIp + "\""));
        workDir = dir;
        this.config = config;
        gatewayJvmOptions = options.gatewayJvmOptions();
        startGateway();

        ProsodyServer.Builder jabber = ProsodyServer.builder(JABBER).ip(prosodyIp).ports(c2s, s2s)
                .mode(ProsodyServer.Mode.PLAIN).logLevel(options.prosodyLogLevel())
                .dns(dns.address()).certificate(pki.issue(ca, List.of(JABBER))).trust(ca)
                .user("alice", "alice-secret");
        options.jabberUsers().forEach(user -> jabber.user(user, user));
        prosody = jabber.start();
        alice = XmppClients.login(prosody, "alice", "alice-secret", WAIT);
        if (options.otherProsody()) {
            ProsodyServer.Builder other = ProsodyServer.builder(OTHER).ip(otherIp).ports(otherC2s, otherS2s)
                    .mode(ProsodyServer.Mode.PLAIN).logLevel(options.prosodyLogLevel())
                    .dns(dns.address()).certificate(pki.issue(ca, List.of(OTHER))).trust(ca);
            options.jabberUsers().forEach(user -> other.user(user, user));
            otherProsody = other.start();
        }
    }

    private static void writeGatewayCertificates(Path certs, DevelopmentPki pki, IssuedCertificate ca)
            throws IOException {
        Files.createDirectories(certs);
        PemFiles.writeCertificates(certs.resolve("ca.pem"), List.of(ca.cert()));
        IssuedCertificate xmpp = pki.issue(ca, List.of(LOCAL, XMPP_ONLY));
        PemFiles.writeCertificates(certs.resolve("xmpp.pem"), xmpp.chain());
        PemFiles.writePrivateKey(certs.resolve("xmpp-key.pem"), xmpp.key());
        IssuedCertificate sip = pki.issue(ca, List.of(FQDN, LOCAL));
        PemFiles.writeCertificates(certs.resolve("sip.pem"), sip.chain());
        PemFiles.writePrivateKey(certs.resolve("sip-key.pem"), sip.key());
    }


    private void startGateway() {
        gateway = ParleyProcess.start(workDir, gatewayJvmOptions, "run", "--config", config.toString());
        gateway.awaitOutput(Pattern.compile("parley: running with"), Duration.ofSeconds(90));
        Await.until(WAIT, "the gateway's connection to the edge", () -> metrics()
                .sum("parley_sip_edge_connection", Map.of("state", "up")) == 1.0);
    }

    /**
     * Kills the gateway with SIGKILL (no orderly stop, nothing flushed on the way out) and starts it again on the
     * same configuration and store; returns once it runs and reaches the edge.
     */
    public void killAndRestartGateway() {
        killAndRestartGateway(() -> { });
    }

    /** {@link #killAndRestartGateway()}, running {@code whileDown} after the kill and before the start. */
    public void killAndRestartGateway(Runnable whileDown) {
        killGateway();
        whileDown.run();
        restartGateway();
    }

    /** Kills the gateway with SIGKILL and waits until it is gone; {@link #restartGateway()} starts it again. */
    public void killGateway() {
        gateway.close();
    }

    /** Starts the gateway again after {@link #killGateway()}, on the same configuration and store. */
    public void restartGateway() {
        startGateway();
    }

    /**
     * Starts the gateway again on the same configuration and store and returns once it says it runs (start-up
     * includes re-subscribing every stored subscription), waiting at most {@code startTimeout}; unlike
     * {@link #restartGateway()} it does not ask the admin endpoint whether the edge is reached, which a gateway
     * under load may not answer in time.
     */
    public void restartGatewayWithin(Duration startTimeout) {
        gateway = ParleyProcess.start(workDir, gatewayJvmOptions, "run", "--config", config.toString());
        gateway.awaitOutput(Pattern.compile("parley: running with"), startTimeout);
    }

    /** The gateway's configuration file (the benchmark edits it between runs). */
    public Path config() {
        return config;
    }

    /** The JDBC URL of the gateway's store (an H2 file), for writing to it while the gateway is stopped. */
    public String storeUrl() {
        return "jdbc:h2:file:" + workDir.resolve("data").resolve("parley").toAbsolutePath();
    }

    /** alice@jabber.test/test, logged in. */
    public XMPPTCPConnection alice() {
        return alice;
    }

    /** A sipp user agent where the edge sends requests for {@code contoso.test}, answering MESSAGEs with {@code status}. */
    public SippAgent userAgent(URL scenario, int status, int calls, Duration timeLimit) {
        return SippAgent.scenario(scenario).ip(userAgent.getAddress().getHostAddress()).port(userAgent.getPort())
                .substitute("STATUS", Integer.toString(status)).calls(calls).timeLimit(timeLimit).listen();
    }

    /** A sipp user agent where the edge sends requests for {@code contoso.test}, with {@code @NAME@} substitutions. */
    public SippAgent userAgent(URL scenario, Map<String, String> substitutions, int calls, Duration timeLimit) {
        SippAgent.Builder builder = userAgentBuilder(scenario);
        substitutions.forEach(builder::substitute);
        return builder.calls(calls).timeLimit(timeLimit).listen();
    }

    /** A sipp run on the address where the edge sends requests for {@code contoso.test}, to be set up and listened. */
    public SippAgent.Builder userAgentBuilder(URL scenario) {
        return SippAgent.scenario(scenario).ip(userAgent.getAddress().getHostAddress()).port(userAgent.getPort());
    }

    /** A sipp client run through the edge's TCP address, from the user agents' address, to be set up and started. */
    public SippAgent.Builder clientBuilder(URL scenario) {
        return SippAgent.scenario(scenario).ip(userAgent.getAddress().getHostAddress());
    }

    /**
     * A sipp user agent {@code fromUser@contoso.test} sending {@code calls} MESSAGEs through the edge to
     * {@code sip:target@domain} with Call-IDs {@code callIdFormat} (sipp's {@code -cid_str}), body
     * {@code body N}, expecting {@code response}.
     */
    public SippAgent sendMessages(URL scenario, String fromUser, String target, String domain, String callIdFormat,
                                  String body, int response, int calls, int rate, Duration timeLimit) {
        return SippAgent.scenario(scenario).ip(userAgent.getAddress().getHostAddress()).service(target)
                .key("rdomain", domain).key("from_user", fromUser).key("from_domain", LOCAL)
                .callIdFormat(callIdFormat).substitute("BODY", body)
                .substitute("RESPONSE", Integer.toString(response))
                .calls(calls).rate(rate).timeLimit(timeLimit).callTo(edge.tcpAddress());
    }

    /**
     * A sipp user agent {@code fromUser@contoso.test} running one call of {@code scenario} through the edge toward
     * {@code sip:target@domain}, with {@code @NAME@} substitutions.
     */
    public SippAgent userAgentCalling(URL scenario, String fromUser, String target, String domain,
                                      Map<String, String> substitutions, Duration timeLimit) {
        SippAgent.Builder builder = sipUser(scenario, fromUser, target, domain);
        substitutions.forEach(builder::substitute);
        return builder.calls(1).timeLimit(timeLimit).callTo(edge.tcpAddress());
    }

    /**
     * A sipp UAC {@code fromUser@contoso.test} at the user agents' address, for {@code sip:target@domain}
     * ({@code [service]}, {@code [rdomain]}, {@code [from_user]}, {@code [from_domain]} in the scenario): add
     * substitutions, calls and a time limit, then {@code callTo(edge().tcpAddress())}.
     */
    public SippAgent.Builder sipUser(URL scenario, String fromUser, String target, String domain) {
        return SippAgent.scenario(scenario).ip(userAgent.getAddress().getHostAddress())
                .service(target).key("rdomain", domain).key("from_user", fromUser).key("from_domain", LOCAL);
    }

    /** The gateway's {@code /metrics} now. */
    public MetricsText metrics() {
        return MetricsText.scrape(adminAddress, adminPort);
    }

    /** {@code parley_route_messages_total} for one direction, outcome and condition. */
    public double routed(String direction, String outcome, String condition) {
        return metrics().sum("parley_route_messages_total",
                Map.of("direction", direction, "outcome", outcome, "condition", condition));
    }

    /** Everything the gateway, the edge and Prosody logged, for failure messages. */
    public String logs() {
        return "--- gateway\n" + gateway.stdout() + gateway.stderr() + "\n--- edge\n" + edge.log();
    }

    /** Stops the Access Edge (Kamailio) by PID. */
    public void stopEdge() {
        edge.stop();
    }

    /** Stops Prosody (the remote XMPP server) by PID; alice's connection goes with it. */
    public void stopProsody() {
        alice.disconnect();
        prosody.close();
    }

    /**
     * Kills Prosody with SIGKILL ({@code kill -9}): its s2s connections to the gateway end without a stream close
     * and nobody is told alice went offline. alice's client connection is then dropped on our side.
     */
    public void killProsody() {
        prosody.kill();
        alice.instantShutdown();
    }

    /** Starts Prosody again on the same data after {@link #killProsody()}, and logs alice in again. */
    public void restartProsody() throws Exception {
        prosody = prosody.restarted();
        alice = XmppClients.login(prosody, "alice", "alice-secret", WAIT);
    }

    /** Prosody serving {@code jabber.test}. */
    public ProsodyServer prosody() {
        return prosody;
    }

    /** Prosody serving {@code other.test}, if {@link Options#otherProsody()}. */
    public ProsodyServer otherProsody() {
        return otherProsody;
    }

    /** Kamailio, the Access Edge. */
    public KamailioEdge edge() {
        return edge;
    }

    /** The gateway process (for its output). */
    public ParleyProcess gateway() {
        return gateway;
    }

    @Override
    public void close() {
        if (alice != null) {
            alice.disconnect();
        }
        if (prosody != null) {
            prosody.close();
        }
        if (otherProsody != null) {
            otherProsody.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (edge != null) {
            edge.close();
        }
        if (dns != null) {
            dns.close();
        }
    }
}
