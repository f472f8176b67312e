package org.parley.gateway.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    /** A configuration serving {@code xmpp}, with the given admin port and federation entries. */
    public static Path write(Path dir, Xmpp xmpp, int adminPort, String federationDomains) {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <gateway xmlns="urn:parley:gateway:1">
                  <xmpp>
                    <domain>%s</domain>
                    <listen address="%s" port="%d"/>
                    <tls mode="optional" certificate="certs/xmpp.pem" key="certs/xmpp-key.pem" trust="certs/ca.pem"/>
                    <dialback secret-file="data/dialback.secret"/>
                    %s
                  </xmpp>
                  <sip>
                    <domain>sip.parley.test</domain>
                    <fqdn>gw.parley.test</fqdn>
                    <listen address="127.0.0.1" port="0"/>
                    <access-edge host="edge.parley.test" port="5061"/>
                    <tls certificate="certs/sip.pem" key="certs/sip-key.pem" trust="certs/ca.pem"/>
                  </sip>
                  <store url="jdbc:h2:file:data/parley"/>
                  <federation mode="allow-list">
                    <domain name="jabber.parley.test" tls="optional" auth="dialback"/>
                %s  </federation>
                  <admin address="127.0.0.1" port="%d"/>
                </gateway>
                """.formatted(xmpp.domain(), xmpp.listenAddress(), xmpp.listenPort(), xmpp.dnsElement(),
                federationDomains, adminPort);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("gateway.xml");
            Files.writeString(file, xml);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
