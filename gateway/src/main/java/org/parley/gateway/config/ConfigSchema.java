package org.parley.gateway.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The compiled {@code urn:parley:gateway:1} schema and its {@link SchemaVocabulary}. The schema is
 * {@code conf/gateway.xsd}, packaged in the jar next to this class; it is loaded from the class path so the
 * running gateway always validates against the schema it was built with.
 */
final class ConfigSchema {

    /** The namespace of every element of the configuration file. */
    static final String NAMESPACE = "urn:parley:gateway:1";
    /** Class-path resource name, relative to this class. */
    static final String RESOURCE = "gateway.xsd";

    private final Schema schema;
    private final SchemaVocabulary vocabulary;

    private ConfigSchema(Schema schema, SchemaVocabulary vocabulary) {
        this.schema = schema;
        this.vocabulary = vocabulary;
    }

    /**
     * Loads the packaged schema. A missing or broken schema is a build defect, hence unchecked.
     *
     * @throws IllegalStateException if the resource is missing or not a valid schema
     */
    static ConfigSchema load() {
        URL url = ConfigSchema.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("schema resource " + RESOURCE + " missing next to " + ConfigSchema.class.getName());
        }
        try (InputStream in = url.openStream()) {
            byte[] xsd = in.readAllBytes();
            SchemaFactory factory = SchemaFactory.newDefaultInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            Schema schema = factory.newSchema(new StreamSource(new ByteArrayInputStream(xsd), url.toExternalForm()));
            return new ConfigSchema(schema, SchemaVocabulary.of(parseDom(xsd)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        } catch (SAXException | ParserConfigurationException e) {
            throw new IllegalStateException("invalid schema " + url + ": " + e.getMessage(), e);
        }
    }

    Schema schema() {
        return schema;
    }

    SchemaVocabulary vocabulary() {
        return vocabulary;
    }

    private static org.w3c.dom.Document parseDom(byte[] xsd) throws ParserConfigurationException, IOException, SAXException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        factory.setNamespaceAware(true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature(SecureXml.DISALLOW_DOCTYPE, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xsd));
    }
}
