package org.parley.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parley.gateway.pki.TlsMaterial.SystemTrust;

class TlsMaterialTest {

    @TempDir
    Path dir;

    private final DevelopmentPki pki = new DevelopmentPki(Clock.systemUTC());
    private IssuedCertificate ca;
    private Path caFile;

    /** A certificate and key written to files, as an administrator would configure them. */
    private record KeyFiles(Path certificate, Path key) { }

    @BeforeEach
    void createCa() throws Exception {
        ca = pki.createCa("Test CA");
        caFile = dir.resolve("ca.pem");
        PemFiles.writeCertificates(caFile, List.of(ca.cert()));
    }

    @Test
    void handshakesWithMutualAuthenticationOverTls13() throws Exception {
        TlsMaterial server = material(pki.issue(ca, List.of("xmpp.test")), "server", caFile);
        TlsMaterial client = material(pki.issue(ca, List.of("partner.test")), "client", caFile);
        SSLEngine serverEngine = serverEngine(server);
        SSLEngine clientEngine = clientEngine(client);

        InMemoryHandshake.Outcome outcome = new InMemoryHandshake(clientEngine, serverEngine).run("<stream:stream>");

        assertThat(outcome.failure()).isEmpty();
        assertThat(outcome.received()).contains("<stream:stream>");
        assertThat(serverEngine.getSession().getProtocol()).isEqualTo("TLSv1.3");
        assertThat(serverEngine.getSession().getPeerCertificates()[0]).isEqualTo(client.chain().get(0));
        assertThat(clientEngine.getSession().getPeerCertificates()).containsExactly(
                server.chain().get(0), ca.cert());
    }

    @Test
    void serverRejectsAClientCertificateFromAnotherCa() throws Exception {
        IssuedCertificate otherCa = pki.createCa("Other CA");
        TlsMaterial server = material(pki.issue(ca, List.of("xmpp.test")), "server", caFile);
        TlsMaterial client = material(pki.issue(otherCa, List.of("partner.test")), "client", caFile);

        InMemoryHandshake.Outcome outcome = new InMemoryHandshake(clientEngine(client), serverEngine(server))
                .run("<stream:stream>");

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.failedSide()).contains("server");
        assertThat(outcome.failure()).containsInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void serverRejectsASelfSignedClientCertificate() throws Exception {
        TlsMaterial server = material(pki.issue(ca, List.of("xmpp.test")), "server", caFile);
        TlsMaterial client = material(pki.selfSigned(List.of("partner.test")), "client", caFile);

        InMemoryHandshake.Outcome outcome = new InMemoryHandshake(clientEngine(client), serverEngine(server))
                .run("hello");

        assertThat(outcome.failedSide()).contains("server");
    }

    @Test
    void clientRejectsAServerCertificateFromAnotherCa() throws Exception {
        IssuedCertificate otherCa = pki.createCa("Other CA");
        TlsMaterial server = material(pki.issue(otherCa, List.of("xmpp.test")), "server", caFile);
        TlsMaterial client = material(pki.issue(ca, List.of("partner.test")), "client", caFile);

        InMemoryHandshake.Outcome outcome = new InMemoryHandshake(clientEngine(client), serverEngine(server))
                .run("hello");

        assertThat(outcome.failedSide()).contains("client");
        assertThat(outcome.failure()).containsInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void addingSystemTrustKeepsTheConfiguredCa() throws Exception {
        KeyFiles server = write(pki.issue(ca, List.of("xmpp.test")), "server");
        KeyFiles client = write(pki.issue(ca, List.of("partner.test")), "client");
        TlsMaterial serverMaterial = TlsMaterial.load(server.certificate(), server.key(), Optional.of(caFile),
                SystemTrust.INCLUDE);
        TlsMaterial clientMaterial = TlsMaterial.load(client.certificate(), client.key(), Optional.of(caFile),
                SystemTrust.INCLUDE);

        InMemoryHandshake.Outcome outcome = new InMemoryHandshake(clientEngine(clientMaterial),
                serverEngine(serverMaterial)).run("hello");

        assertThat(outcome.received()).contains("hello");
    }

    @Test
    void limitsEnginesToTls13And12() throws Exception {
        TlsMaterial server = material(pki.issue(ca, List.of("xmpp.test")), "server", caFile);

        SSLEngine engine = serverEngine(server);

        assertThat(engine.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        assertThat(engine.getNeedClientAuth()).isTrue();
    }

    @Test
    void refusesAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        KeyFiles leaf = write(pki.issue(ca, List.of("xmpp.test")), "leaf");
        KeyFiles other = write(pki.issue(ca, List.of("xmpp.test")), "other");

        assertThatThrownBy(() -> TlsMaterial.load(leaf.certificate(), other.key(), Optional.of(caFile),
                SystemTrust.EXCLUDE))
                .isInstanceOf(PemException.class)
                .hasMessageStartingWith(other.key().toString())
                .hasMessageContaining("does not belong to the certificate in " + leaf.certificate());
    }

    @Test
    void reportsAMissingTrustFile() throws Exception {
        KeyFiles leaf = write(pki.issue(ca, List.of("xmpp.test")), "leaf");
        Path missing = dir.resolve("missing-ca.pem");

        assertThatThrownBy(() -> TlsMaterial.load(leaf.certificate(), leaf.key(), Optional.of(missing),
                SystemTrust.EXCLUDE))
                .isInstanceOf(PemException.class)
                .hasMessage(missing + ": file not found");
    }

    @Test
    void requiresSomeTrustAnchors() throws Exception {
        KeyFiles leaf = write(pki.issue(ca, List.of("xmpp.test")), "leaf");

        assertThatThrownBy(() -> TlsMaterial.load(leaf.certificate(), leaf.key(), Optional.empty(),
                SystemTrust.EXCLUDE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private TlsMaterial material(IssuedCertificate issued, String name, Path trust) throws Exception {
        KeyFiles files = write(issued, name);
        return TlsMaterial.load(files.certificate(), files.key(), Optional.of(trust), SystemTrust.EXCLUDE);
    }

    private KeyFiles write(IssuedCertificate issued, String name) throws Exception {
        KeyFiles files = new KeyFiles(dir.resolve(name + ".pem"), dir.resolve(name + "-key.pem"));
        PemFiles.writeCertificates(files.certificate(), issued.chain());
        PemFiles.writePrivateKey(files.key(), issued.key());
        return files;
    }

    private static SSLEngine serverEngine(TlsMaterial material) {
        SSLEngine engine = material.sslContext().createSSLEngine();
        engine.setUseClientMode(false);
        return TlsMaterial.configure(engine, true);
    }

    private static SSLEngine clientEngine(TlsMaterial material) {
        SSLEngine engine = material.sslContext().createSSLEngine("xmpp.test", 5269);
        engine.setUseClientMode(true);
        return TlsMaterial.configure(engine, false);
    }
}
