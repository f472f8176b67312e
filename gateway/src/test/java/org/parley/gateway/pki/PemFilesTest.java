package org.parley.gateway.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PemFilesTest {

    private static KeyPair leafKeys;
    private static X509Certificate leaf;
    private static X509Certificate issuer;

    @TempDir
    Path dir;

    @BeforeAll
    static void generate() throws Exception {
        leafKeys = TestCertificates.ecKeyPair();
        leaf = TestCertificates.selfSigned(leafKeys, "CN=xmpp.test", List.of("xmpp.test"));
        issuer = TestCertificates.selfSigned(TestCertificates.ecKeyPair(), "CN=Parley Test CA", List.of());
    }

    @Test
    void roundTripsAChainInOrder() throws Exception {
        Path file = dir.resolve("chain.pem");
        PemFiles.writeCertificates(file, List.of(leaf, issuer));

        assertThat(Files.readString(file)).startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(PemFiles.readCertificates(file)).containsExactly(leaf, issuer);
    }

    @Test
    void roundTripsAPrivateKeyAsPkcs8() throws Exception {
        Path file = dir.resolve("key.pem");
        PemFiles.writePrivateKey(file, leafKeys.getPrivate());

        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemFiles.readPrivateKey(file)).isEqualTo(leafKeys.getPrivate());
    }

    @Test
    void writesPrivateKeysReadableOnlyByTheOwner() throws Exception {
        Path file = dir.resolve("key.pem");
        Files.writeString(file, "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));

        PemFiles.writePrivateKey(file, leafKeys.getPrivate());

        assertThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void replacesAnExistingFileWithoutLeavingTemporaryFiles() throws Exception {
        Path file = dir.resolve("chain.pem");
        Files.writeString(file, "old content");

        PemFiles.writeCertificates(file, List.of(issuer));

        assertThat(PemFiles.readCertificates(file)).containsExactly(issuer);
        try (var entries = Files.list(dir)) {
            assertThat(entries).containsExactly(file);
        }
    }

    @ParameterizedTest(name = "{0} holds an {1} key")
    @CsvSource({"rsa-pkcs1.pem, RSA", "ec-sec1.pem, EC", "ec-with-parameters.pem, EC"})
    void readsTraditionalOpenSslKeys(String name, String algorithm) throws Exception {
        assertThat(PemFiles.readPrivateKey(resource(name)).getAlgorithm()).isEqualTo(algorithm);
    }

    @Test
    void readsTheKeyOfACombinedCertificateAndKeyFile() throws Exception {
        Path certificate = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        PemFiles.writeCertificates(certificate, List.of(leaf));
        PemFiles.writePrivateKey(key, leafKeys.getPrivate());
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, Files.readString(certificate) + Files.readString(key));

        assertThat(PemFiles.readCertificates(combined)).containsExactly(leaf);
        assertThat(PemFiles.readPrivateKey(combined)).isEqualTo(leafKeys.getPrivate());
    }

    @ParameterizedTest
    @ValueSource(strings = {"encrypted-pkcs8.pem", "encrypted-legacy-rsa.pem"})
    void refusesEncryptedKeysAndSaysHowToDecrypt(String name) throws Exception {
        Path file = resource(name);
        assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                .isInstanceOf(PemException.class)
                .hasMessageStartingWith(file.toString())
                .hasMessageContaining("encrypted private keys are not supported")
                .hasMessageContaining("openssl pkey");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not a pem file\n", "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n"})
    void refusesCertificateFilesWithoutCertificatesNamingTheFile(String content) throws Exception {
        Path file = dir.resolve("broken.pem");
        Files.writeString(file, content);

        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .isInstanceOf(PemException.class)
                .hasMessageStartingWith(file.toString())
                .satisfies(e -> assertThat(((PemException) e).file()).isEqualTo(file));
    }

    @Test
    void explainsThatACertificateFileHoldsNoCertificate() throws Exception {
        Path file = dir.resolve("empty.pem");
        Files.writeString(file, "");

        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .hasMessageContaining("contains no PEM 'CERTIFICATE' block");
    }

    @Test
    void refusesAKeyFileHoldingOnlyCertificates() throws Exception {
        Path file = dir.resolve("cert.pem");
        PemFiles.writeCertificates(file, List.of(leaf));

        assertThatThrownBy(() -> PemFiles.readPrivateKey(file))
                .isInstanceOf(PemException.class)
                .hasMessage(file + ": contains no private key; expected a PEM block "
                        + "'PRIVATE KEY', 'RSA PRIVATE KEY' or 'EC PRIVATE KEY'");
    }

    @Test
    void refusesAKeyFileHoldingTwoKeys() throws Exception {
        Path file = dir.resolve("keys.pem");
        PemFiles.writePrivateKey(file, leafKeys.getPrivate());
        Files.writeString(file, Files.readString(file).repeat(2));

        assertThatThrownBy(() -> PemFiles.readPrivateKey(file)).hasMessageContaining("more than one private key");
    }

    @Test
    void reportsAMissingFile() {
        Path file = dir.resolve("absent.pem");
        assertThatThrownBy(() -> PemFiles.readCertificates(file))
                .isInstanceOf(PemException.class)
                .hasMessage(file + ": file not found");
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PemFilesTest.class.getResource(name).toURI());
    }

}
