package org.parley.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes small, valid gateway configurations into a test's directory (ports 0 = any free port). */
public final class GatewayConfigFiles {

    private GatewayConfigFiles() {
    }

    /** A development-style configuration with its store, certificates and secret under {@code dir}. */
    public static Path write(Path dir, int adminPort) {
        return write(dir, adminPort, "");
    }

    /** As {@link #write(Path, int)}, with extra {@code <domain>} elements inside {@code <federation>}. */
    public static Path write(Path dir, int adminPort, String federationDomains) {
        return write(dir, new Xmpp("xmpp.parley.test", "127.0.0.1", 0, ""), adminPort, federationDomains);
    }

    /**
     * The XMPP side of a test configuration.
     *
     * @param dnsElement a {@code <dns .../>} element, or empty for the system resolver
     */
    public record Xmpp(String domain, String listenAddress, int listenPort, String dnsElement) { }

    /**
     * The SIP side of a test configuration.
     *
     * @param domains the SIP domains (each {@code <domain>} element), in order
     * @param fqdn    the gateway's SIP name
     */
    public record Sip(List<String> domains, String fqdn, String listenAddress, int listenPort,
                      String edgeHost, int edgePort) {

        /** The SIP section the other {@code write} methods use. */
        public static final Sip DEFAULT = new Sip(List.of("sip.parley.test"), "gw.parley.test",
                "127.0.0.1", 0, "edge.parley.test", 5061);
    }

    /** A configuration serving {@code xmpp}, with the given admin port and federation entries. */
    public static Path write(Path dir, Xmpp xmpp, int adminPort, String federationDomains) {
        return write(dir, List.of(xmpp.domain()), xmpp, Sip.DEFAULT, adminPort, federationDomains);
    }

    /**
     * A configuration serving the XMPP domains {@code xmppDomains} (listener and resolver from {@code xmpp}, whose
     * own domain is not used) and the SIP side {@code sip}.
     */
    public static Path write(Path dir, List<String> xmppDomains, Xmpp xmpp, Sip sip, int adminPort,
                             String federationDomains) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp>
                    %s
                    <listen address="%s" port="%d"/>
                    <tls mode="optional" certificate="certs/xmpp.pem" key="certs/xmpp-key.pem" trust="certs/ca.pem"/>
                    <dialback secret-file="data/dialback.secret"/>
                    %s
                  </xmpp>
                  <sip>
                    %s
                    <fqdn>%s</fqdn>
                    <listen address="%s" port="%d"/>
                    <access-edge host="%s" port="%d"/>
                    <tls certificate="certs/sip.pem" key="certs/sip-key.pem" trust="certs/ca.pem"/>
                  </sip>
                  <store url="jdbc:h2:file:data/parley"/>
                  <federation mode="allow-list">
                    <domain name="jabber.parley.test" tls="optional" auth="dialback"/>
                %s  </federation>
                  <admin address="127.0.0.1" port="%d"/>
                </gateway>
                """.formatted(domains(xmppDomains), xmpp.listenAddress(), xmpp.listenPort(), xmpp.dnsElement(),
                domains(sip.domains()), sip.fqdn(), sip.listenAddress(), sip.listenPort(), sip.edgeHost(),
                sip.edgePort(), federationDomains, adminPort);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("gateway.xml");
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String domains(List<String> names) {
        return names.stream().map(name -> "<domain>" + name + "</domain>")
                .collect(Collectors.joining("\n    "));
    }
}
