package org.parley.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StoreUrlsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:h2:file:./data/parley                    | jdbc:h2:file:./data/parley;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:file:/var/lib/parley/db;MODE=Regular  | jdbc:h2:file:/var/lib/parley/db;MODE=Regular;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:file:/var/lib/parley/db;              | jdbc:h2:file:/var/lib/parley/db;AUTO_SERVER=TRUE;WRITE_DELAY=0
            JDBC:H2:FILE:/x                               | JDBC:H2:FILE:/x;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:./data/parley                         | jdbc:h2:./data/parley;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:/var/lib/parley/db                    | jdbc:h2:/var/lib/parley/db;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:~/parley                              | jdbc:h2:~/parley;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:file:/x;AUTO_SERVER=TRUE              | jdbc:h2:file:/x;AUTO_SERVER=TRUE;WRITE_DELAY=0
            jdbc:h2:file:/x;auto_server=false             | jdbc:h2:file:/x;auto_server=false;WRITE_DELAY=0
            jdbc:h2:file:/x; AUTO_SERVER = FALSE          | jdbc:h2:file:/x; AUTO_SERVER = FALSE;WRITE_DELAY=0
            jdbc:h2:mem:parley                            | jdbc:h2:mem:parley
            jdbc:h2:tcp://127.0.0.1/~/parley              | jdbc:h2:tcp://127.0.0.1/~/parley
            jdbc:postgresql://db.example/parley           | jdbc:postgresql://db.example/parley
            jdbc:h2:file:/x;WRITE_DELAY=100               | jdbc:h2:file:/x;WRITE_DELAY=100;AUTO_SERVER=TRUE
            """)
    void addsSharedFileAndDurableCommitSettingsToH2FileUrlsThatDoNotSetThem(String configured, String used) {
        assertThat(StoreUrls.forEmbeddedH2(configured)).isEqualTo(used);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            jdbc:postgresql://db/parley?user=p&password=s3cret&ssl=true | jdbc:postgresql://db/parley?user=p&password=***&ssl=true
            jdbc:h2:file:/x;USER=sa;PASSWORD=s3cret;AUTO_SERVER=TRUE    | jdbc:h2:file:/x;USER=sa;PASSWORD=***;AUTO_SERVER=TRUE
            jdbc:other://p:s3cret@db:1/parley                           | jdbc:other://p:***@db:1/parley
            jdbc:sqlserver://db;pwd=s3cret                              | jdbc:sqlserver://db;pwd=***
            jdbc:postgresql://db/parley                                 | jdbc:postgresql://db/parley
            """)
    void redactsPasswords(String url, String shown) {
        assertThat(StoreUrls.redact(url)).isEqualTo(shown).doesNotContain("s3cret");
    }
}
