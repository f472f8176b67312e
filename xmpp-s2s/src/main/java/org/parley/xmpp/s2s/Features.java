package org.parley.xmpp.s2s;

import org.parley.xmpp.stream.XmlElement;
import org.parley.xmpp.stream.XmppNamespaces;

/** Builds and reads the negotiation elements of s2s streams (RFC 6120 §4.3, §5.4, §6.4; XEP-0220 §2.4). */
final class Features {

    /** XEP-0220 §2.4 stream feature announcing dialback. */
    static final String DIALBACK_FEATURE = "urn:xmpp:features:dialback";

    private Features() {
    }

    static XmlElement features(boolean starttls, boolean tlsRequired, boolean external, boolean dialback) {
        XmlElement.Builder features = XmlElement.builder(XmppNamespaces.STREAMS, "features");
        if (starttls) {
            XmlElement.Builder tls = XmlElement.builder(XmppNamespaces.TLS, "starttls");
            if (tlsRequired) {
                tls.child(XmlElement.builder(XmppNamespaces.TLS, "required").build());
            }
            features.child(tls.build());
        }
        if (external) {
            features.child(XmlElement.builder(XmppNamespaces.SASL, "mechanisms")
                    .child(XmlElement.builder(XmppNamespaces.SASL, "mechanism").text("EXTERNAL").build()).build());
        }
        if (dialback) {
            features.child(XmlElement.builder(DIALBACK_FEATURE, "dialback")
                    .child(XmlElement.builder(DIALBACK_FEATURE, "errors").build()).build());
        }
        return features.build();
    }

    static XmlElement tls(String name) {
        return XmlElement.builder(XmppNamespaces.TLS, name).build();
    }

    static XmlElement saslSuccess() {
        return XmlElement.builder(XmppNamespaces.SASL, "success").build();
    }

    static XmlElement saslFailure() {
        return XmlElement.builder(XmppNamespaces.SASL, "failure")
                .child(XmlElement.builder(XmppNamespaces.SASL, "not-authorized").build()).build();
    }

    static XmlElement saslExternal(String authzid) {
        return XmlElement.builder(XmppNamespaces.SASL, "auth").attribute("mechanism", "EXTERNAL")
                .text(java.util.Base64.getEncoder().encodeToString(authzid.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .build();
    }

    /** The authorization identity of a SASL EXTERNAL {@code <auth/>} (RFC 6120 §6.4.2); "" when absent or bad. */
    static String decodeAuthzid(String text) {
        if (text.isEmpty() || text.equals("=")) {
            return "";
        }
        try {
            return new String(java.util.Base64.getDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    static boolean offersStartTls(XmlElement features) {
        return features.child(XmppNamespaces.TLS, "starttls").isPresent();
    }

    static boolean requiresStartTls(XmlElement features) {
        return features.child(XmppNamespaces.TLS, "starttls")
                .flatMap(s -> s.child(XmppNamespaces.TLS, "required")).isPresent();
    }

    static boolean offersExternal(XmlElement features) {
        return features.child(XmppNamespaces.SASL, "mechanisms").stream()
                .flatMap(m -> m.elements(XmppNamespaces.SASL, "mechanism").stream())
                .anyMatch(m -> m.text().strip().equals("EXTERNAL"));
    }
}
