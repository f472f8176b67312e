package org.parley.gateway.config;

import java.util.List;

/**
 * An element whose start tag has been read and whose end tag has not yet been processed: what a validation
 * error that arrives now is about.
 *
 * @param namespace the element's namespace URI, empty for none
 * @param path      local names from the root element down to this one
 * @param tag       where the start tag and its attributes are
 */
record OpenElement(String namespace, List<String> path, SourceText.StartTag tag) {

    String name() {
        return path.get(path.size() - 1);
    }

    Position attributePosition(String attribute) {
        return tag.attributes().getOrDefault(attribute, tag.start());
    }
}
