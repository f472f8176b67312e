package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigPathsTest {

    private static final Path BASE = Path.of("/srv/parley/conf");

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:h2:file:../data/parley                      | jdbc:h2:file:/srv/parley/data/parley
            jdbc:h2:file:./data/parley                       | jdbc:h2:file:/srv/parley/conf/data/parley
            jdbc:h2:file:data/parley;MODE=PostgreSQL;TRACE_LEVEL_FILE=0 | jdbc:h2:file:/srv/parley/conf/data/parley;MODE=PostgreSQL;TRACE_LEVEL_FILE=0
            JDBC:H2:FILE:data/parley                         | JDBC:H2:FILE:/srv/parley/conf/data/parley
            '  jdbc:h2:file:data/parley  '                   | jdbc:h2:file:/srv/parley/conf/data/parley
            jdbc:h2:file:/var/lib/parley/db                  | jdbc:h2:file:/var/lib/parley/db
            jdbc:h2:file:~/parley                            | jdbc:h2:file:~/parley
            jdbc:h2:mem:parley;DB_CLOSE_DELAY=-1             | jdbc:h2:mem:parley;DB_CLOSE_DELAY=-1
            jdbc:h2:./data/parley                            | jdbc:h2:./data/parley
            jdbc:postgresql://db.example.test:5432/parley    | jdbc:postgresql://db.example.test:5432/parley
            """)
    void resolvesOnlyRelativeH2FilePaths(String url, String expected) {
        assertThat(ConfigPaths.resolveJdbcUrl(BASE, url)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            certs/xmpp.pem        | /srv/parley/conf/certs/xmpp.pem
            ../data/secret        | /srv/parley/data/secret
            ./a/../b.pem          | /srv/parley/conf/b.pem
            /etc/ssl/ca.pem       | /etc/ssl/ca.pem
            """)
    void resolvesPathsAgainstTheConfigurationDirectory(String value, String expected) {
        assertThat(ConfigPaths.resolve(BASE, value)).isEqualTo(Path.of(expected));
    }
}
