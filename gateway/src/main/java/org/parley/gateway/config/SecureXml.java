package org.parley.gateway.config;

import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Settings that make the JDK's XML parser safe for a file an administrator edits: no DOCTYPE at all (hence no
 * DTDs, internal or external entities, entity expansion attacks), no XInclude, no fetching of external
 * resources, and messages in English whatever the platform locale (they are translated further and must match).
 */
final class SecureXml {

    /** Xerces feature: fail on any DOCTYPE declaration. */
    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    /** Xerces property: the locale of error messages. */
    static final String LOCALE = "http://apache.org/xml/properties/locale";
    /** Locale whose resource bundles are Xerces' base (English) messages. */
    static final Locale MESSAGES_LOCALE = Locale.ROOT;

    private SecureXml() { }

    /** A namespace-aware, non-validating SAX reader with the settings above. */
    static XMLReader newReader() {
        try {
            SAXParserFactory factory = SAXParserFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            factory.setValidating(false);
            factory.setXIncludeAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature(DISALLOW_DOCTYPE, true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            XMLReader reader = factory.newSAXParser().getXMLReader();
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            reader.setProperty(LOCALE, MESSAGES_LOCALE);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
    }
}
