package org.parley.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaVocabularyTest {

    private final SchemaVocabulary vocabulary = ConfigSchema.load().vocabulary();

    @Test
    void everySimpleTypeOfTheSchemaIsDocumentedForMessages() {
        assertThat(vocabulary.typeDescriptions()).isNotEmpty()
                .allSatisfy((type, description) -> assertThat(description).as(type).isNotBlank());
    }

    @Test
    void describesTypesInTheSchemasOwnWords() {
        assertThat(vocabulary.describeType("port")).isEqualTo("an integer from 0 to 65535");
        assertThat(vocabulary.describeType("tlsMode")).isEqualTo("one of required, optional, disabled");
        assertThat(vocabulary.describeType("int")).isEqualTo("a valid int");
    }

    @Test
    void knowsTheAttributesOfElementsByTheirPlace() {
        assertThat(vocabulary.attributesOf(List.of("gateway", "xmpp", "tls"))).containsExactly("mode", "certificate", "key", "trust");
        assertThat(vocabulary.attributesOf(List.of("gateway", "sip", "tls"))).containsExactly("certificate", "key", "trust");
        assertThat(vocabulary.attributesOf(List.of("gateway", "federation", "domain")))
                .containsExactly("name", "tls", "auth", "host", "port", "enabled");
        assertThat(vocabulary.attributesOf(List.of("gateway", "xmpp", "domain"))).isEmpty();
        assertThat(vocabulary.attributesOf(List.of("gateway", "nowhere"))).isEmpty();
    }

    @Test
    void theJarCarriesTheSchemaFromConf() throws Exception {
        try (var packaged = ConfigSchema.class.getResourceAsStream(ConfigSchema.RESOURCE)) {
            assertThat(packaged).isNotNull();
            assertThat(packaged.readAllBytes()).isEqualTo(Files.readAllBytes(Path.of("..", "conf", "gateway.xsd")));
        }
    }

    @Test
    void theReferenceDocumentsEveryElementAndAttribute() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "configuration.md"));

        assertThat(vocabulary.elements()).hasSizeGreaterThan(15).allSatisfy((path, attributes) -> {
            String element = path.get(path.size() - 1);
            assertThat(reference).as("docs for <%s>", element).contains("`<" + element + ">`");
            attributes.forEach(attribute -> assertThat(reference).as("docs for %s %s", path, attribute)
                    .contains("| `" + attribute + "` |"));
        });
    }
}
