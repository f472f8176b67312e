package org.parley.gateway.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the schema says in words an administrator can use: the phrase documenting each simple type ("an integer
 * from 0 to 65535") and the attributes each element allows. Read from {@code gateway.xsd} itself, so messages
 * never drift from the schema.
 */
final class SchemaVocabulary {

    private static final String XS = XMLConstants.W3C_XML_SCHEMA_NS_URI;
    private static final int MAX_DEPTH = 16;

    private final Map<String, String> typeDescriptions = new HashMap<>();
    private final Map<String, Element> complexTypes = new HashMap<>();
    private final Map<List<String>, List<String>> attributesByPath = new HashMap<>();

    private SchemaVocabulary(Document xsd) {
        for (Element child : children(xsd.getDocumentElement())) {
            switch (child.getLocalName()) {
                case "simpleType" -> typeDescriptions.put(child.getAttribute("name"), documentation(child));
                case "complexType" -> complexTypes.put(child.getAttribute("name"), child);
                default -> { }
            }
        }
        for (Element child : children(xsd.getDocumentElement())) {
            if (child.getLocalName().equals("element")) {
                declare(List.of(child.getAttribute("name")), child);
            }
        }
    }

    /** Reads a parsed schema document (namespace-aware DOM). */
    static SchemaVocabulary of(Document xsd) {
        return new SchemaVocabulary(xsd);
    }

    /** The documentation phrase of a named simple type, or a plain fallback for types without one. */
    String describeType(String typeName) {
        String description = typeDescriptions.get(typeName);
        return description == null || description.isEmpty() ? "a valid " + typeName : description;
    }

    /** Names of the simple types declared in the schema (for checking that each is documented). */
    Map<String, String> typeDescriptions() {
        return Map.copyOf(typeDescriptions);
    }

    /** Every element of the schema, by its path of local names from the root, with its attributes. */
    Map<List<String>, List<String>> elements() {
        return Map.copyOf(attributesByPath);
    }

    /** Attributes allowed on the element at {@code path} (local names from the root), in schema order. */
    List<String> attributesOf(List<String> path) {
        return attributesByPath.getOrDefault(path, List.of());
    }

    private void declare(List<String> path, Element element) {
        if (path.size() > MAX_DEPTH) {
            return;
        }
        String typeName = localName(element.getAttribute("type"));
        Element type = complexTypes.get(typeName);
        if (type == null) {
            type = children(element).stream().filter(e -> e.getLocalName().equals("complexType")).findFirst().orElse(null);
        }
        List<String> attributes = new ArrayList<>();
        if (type != null) {
            collect(path, type, attributes);
        }
        attributesByPath.put(path, List.copyOf(attributes));
    }

    private void collect(List<String> path, Element particle, List<String> attributes) {
        for (Element child : children(particle)) {
            switch (child.getLocalName()) {
                case "attribute" -> attributes.add(child.getAttribute("name"));
                case "element" -> {
                    List<String> childPath = new ArrayList<>(path);
                    childPath.add(child.getAttribute("name"));
                    declare(List.copyOf(childPath), child);
                }
                case "sequence", "choice", "all" -> collect(path, child, attributes);
                default -> { }
            }
        }
    }

    private static String documentation(Element simpleType) {
        for (Element annotation : children(simpleType)) {
            for (Element documentation : children(annotation)) {
                if (documentation.getLocalName().equals("documentation")) {
                    return documentation.getTextContent().strip().replaceAll("\\s+", " ");
                }
            }
        }
        return "";
    }

    private static String localName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && XS.equals(element.getNamespaceURI())) {
                elements.add(element);
            }
        }
        return elements;
    }
}
