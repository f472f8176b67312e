package org.parley.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An element of the configuration file with its position (the {@code <} of its start tag), its attributes
 * (unqualified names), child elements and text. Built while the file is validated, so values are known to
 * match the schema by the time they are mapped to records.
 */
record XmlElement(String name, Position position, Map<String, XmlAttribute> attributes,
                  List<XmlElement> children, String text) {

    XmlElement {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    Optional<XmlAttribute> attribute(String attributeName) {
        return Optional.ofNullable(attributes.get(attributeName));
    }

    Optional<XmlElement> child(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).findFirst();
    }

    List<XmlElement> children(String childName) {
        return children.stream().filter(child -> child.name.equals(childName)).toList();
    }

    /** {@code <name>}, the way problems name an element. */
    String subject() {
        return "<" + name + ">";
    }

    /** {@code <name attribute>}, the way problems name an attribute of this element. */
    String subject(String attributeName) {
        return "<" + name + " " + attributeName + ">";
    }
}
