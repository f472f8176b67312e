package org.parley.gateway.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.validation.ValidatorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Reads the configuration file with a secure SAX parser ({@link SecureXml}), validates it against the schema in
 * the same pass, and returns the located element tree. Reports every schema violation, or the first
 * well-formedness error (after which XML cannot be read further).
 */
final class ConfigDocumentParser {

    private final ConfigSchema schema;

    ConfigDocumentParser(ConfigSchema schema) {
        this.schema = schema;
    }

    /**
     * @param file    the file named in problems
     * @param content the file's bytes
     * @return the root element, valid against the schema
     * @throws ConfigException listing every problem found
     */
    XmlElement parse(Path file, byte[] content) throws ConfigException {
        ValidatorHandler validator = schema.schema().newValidatorHandler();
        LocatingHandler handler = new LocatingHandler(content, validator);
        SchemaErrors errors = new SchemaErrors(file, handler::current, schema.vocabulary());
        try {
            validator.setProperty(SecureXml.LOCALE, SecureXml.MESSAGES_LOCALE);
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema validator lacks a required property", e);
        }
        validator.setErrorHandler(errors);
        XMLReader reader = SecureXml.newReader();
        reader.setContentHandler(handler);
        reader.setErrorHandler(errors);
        try {
            reader.parse(new InputSource(new ByteArrayInputStream(content)));
        } catch (SAXParseException e) {
            // fatal: already recorded by the error handler
        } catch (SAXException e) {
            throw new ConfigException(List.of(new ConfigProblem(file, 0, 0, "", "cannot be read as XML: " + e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException("reading from memory failed", e);
        }
        List<ConfigProblem> problems = errors.problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return handler.root().orElseThrow(() -> new IllegalStateException("valid document without a root element"));
    }
}
