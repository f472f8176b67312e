package org.parley.xmpp.dialback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DialbackKeysTest {

    private final DialbackKeys keys = new DialbackKeys("s3cr3tf0rd14lb4ck".getBytes(StandardCharsets.US_ASCII));

    @Test
    void generatesTheKeyOfTheXep0185Example() {
        assertThat(keys.generate("xmpp.example.com", "example.org", "D60000229F"))
                .isEqualTo("37c69b1cf07a3f67c04a5ef5902fa5114f2c76fe4a2686482ba5b89323075643");
    }

    @Test
    void verifiesItsOwnKeyAndRejectsAnyOther() {
        String key = keys.generate("a.test", "b.test", "id1");
        assertThat(keys.verify("a.test", "b.test", "id1", key)).isTrue();
        assertThat(keys.verify("a.test", "b.test", "id1", " " + key.toUpperCase() + "\n")).isTrue();
        assertThat(keys.verify("a.test", "b.test", "id2", key)).isFalse();
        assertThat(keys.verify("b.test", "a.test", "id1", key)).isFalse();
        assertThat(keys.verify("a.test", "b.test", "id1", "")).isFalse();
        var otherSecret = new DialbackKeys("another-secret-of-16+".getBytes(StandardCharsets.US_ASCII));
        assertThat(otherSecret.verify("a.test", "b.test", "id1", key)).isFalse();
    }

    @Test
    void secretIsGeneratedOnceWithOwnerOnlyPermissionsAndReused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data/dialback.secret");
        byte[] first = DialbackSecret.loadOrCreate(file, new SecureRandom());
        byte[] second = DialbackSecret.loadOrCreate(file, new SecureRandom());
        assertThat(first).hasSize(64).isEqualTo(second);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void aTruncatedSecretFileIsAnError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dialback.secret");
        Files.writeString(file, "short\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DialbackSecret.loadOrCreate(file, new SecureRandom()))
                .hasMessageContaining("shorter than 32");
    }
}
