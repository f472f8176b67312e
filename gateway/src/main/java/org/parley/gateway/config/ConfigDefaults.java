package org.parley.gateway.config;

import java.time.Duration;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.TlsPolicy;

/**
 * What the gateway uses for settings left out of {@code gateway.xml} (documented in docs/configuration.md).
 * Paths are relative to the configuration file's directory.
 */
final class ConfigDefaults {

    static final String XMPP_ADDRESS = "0.0.0.0";
    static final int XMPP_PORT = 5269;
    static final XmppConfig.TlsMode XMPP_TLS_MODE = XmppConfig.TlsMode.OPTIONAL;
    static final String XMPP_CERTIFICATE = "certs/xmpp.pem";
    static final String XMPP_KEY = "certs/xmpp-key.pem";
    static final String DIALBACK_SECRET = "data/dialback.secret";
    static final int DNS_PORT = 53;
    static final Duration DNS_TIMEOUT = Duration.ofSeconds(5);
    static final int MAX_STANZA_BYTES = 262_144;
    static final int QUEUE_SIZE = 1000;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(10);

    static final String SIP_ADDRESS = "0.0.0.0";
    static final int SIP_PORT = 5061;
    static final int ACCESS_EDGE_PORT = 5061;
    static final String SIP_CERTIFICATE = "certs/sip.pem";
    static final String SIP_KEY = "certs/sip-key.pem";
    static final String SIP_TRUST = "certs/ca.pem";

    static final String MEDIA_ADDRESS = "0.0.0.0";
    static final int MEDIA_PORT_MIN = 50000;
    static final int MEDIA_PORT_MAX = 59999;

    static final String STORE_URL = "jdbc:h2:file:data/parley";

    static final FederationConfig.Mode FEDERATION_MODE = FederationConfig.Mode.ALLOW_LIST;
    static final TlsPolicy FEDERATION_TLS = TlsPolicy.OPTIONAL;
    static final AuthPolicy FEDERATION_AUTH = AuthPolicy.ANY;

    static final String ADMIN_ADDRESS = "127.0.0.1";
    static final int ADMIN_PORT = 8080;

    private ConfigDefaults() { }
}
