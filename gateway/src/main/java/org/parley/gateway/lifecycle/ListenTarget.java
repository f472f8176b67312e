package org.parley.gateway.lifecycle;

import java.util.Objects;
import java.util.regex.Pattern;
import org.parley.gateway.config.Endpoint;

/**
 * What a listener was configured to bind, and where in {@code conf/gateway.xml} that comes from, so a failure
 * can tell the administrator what to change.
 *
 * @param purpose       what the listener is for, e.g. {@code "admin"}, {@code "xmpp s2s"}, {@code "sip"}
 * @param endpoint      the configured address and port
 * @param configElement the element holding the {@code address} and {@code port} attributes, as a path of
 *                      element names separated by {@code /}, e.g. {@code "admin"} or {@code "xmpp/listen"}
 */
public record ListenTarget(String purpose, Endpoint endpoint, String configElement) {

    private static final Pattern ELEMENT_PATH = Pattern.compile("[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)*");

    public ListenTarget {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(configElement, "configElement");
        if (!ELEMENT_PATH.matcher(configElement).matches()) {
            throw new IllegalArgumentException("not an element path: " + configElement);
        }
    }

    /**
     * How an administrator finds an attribute of the configuration element:
     * {@code attribute("port")} is {@code "<admin port>"} for {@code "admin"} and
     * {@code "<xmpp><listen port>"} for {@code "xmpp/listen"}.
     */
    public String attribute(String name) {
        int last = configElement.lastIndexOf('/');
        String parents = last < 0 ? "" : "<" + configElement.substring(0, last).replace("/", "><") + ">";
        return parents + "<" + configElement.substring(last + 1) + " " + name + ">";
    }
}
