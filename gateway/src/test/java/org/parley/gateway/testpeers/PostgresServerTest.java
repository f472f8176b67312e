package org.parley.gateway.testpeers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path root;

    @Test
    void picksTheHighestInstalledVersion() throws IOException {
        for (String version : new String[] {"9.6", "13", "15", "16"}) {
            Path postgres = Files.createDirectories(root.resolve(version).resolve("bin")).resolve("postgres");
            Files.createFile(postgres, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                    version.equals("16") ? "rw-r--r--" : "rwxr-xr-x")));
        }
        assertThat(PostgresServer.serverBinaries(root)).isEqualTo(root.resolve("15/bin"));
    }

    @Test
    void missingPostgresqlFailsWithTheCommandThatInstallsIt() {
        assertThatThrownBy(() -> PostgresServer.serverBinaries(root.resolve("nothing-here")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("./parley test")
                .hasMessageContaining("postgresql");
    }
}
