package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The settings that name files, for checks made after loading ({@link ConfigFileChecks}) that must report
 * problems at the attribute naming the file ({@link LoadedConfig#locationOf(FileSetting)}).
 */
public enum FileSetting {
    /** {@code <xmpp><tls certificate>}: the XMPP certificate chain (PEM). */
    XMPP_CERTIFICATE("tls", "certificate"),
    /** {@code <xmpp><tls key>}: the XMPP private key (PEM). */
    XMPP_KEY("tls", "key"),
    /** {@code <xmpp><tls trust>}: extra CA certificates trusted for s2s peers (PEM), optional. */
    XMPP_TRUST("tls", "trust"),
    /** {@code <xmpp><dialback secret-file>}: the XEP-0185 secret, created at first start if missing. */
    DIALBACK_SECRET("dialback", "secret-file"),
    /** {@code <sip><tls certificate>}: the SIP certificate chain (PEM). */
    SIP_CERTIFICATE("tls", "certificate"),
    /** {@code <sip><tls key>}: the SIP private key (PEM). */
    SIP_KEY("tls", "key"),
    /** {@code <sip><tls trust>}: the CA certificates the Access Edge's certificate must chain to (PEM). */
    SIP_TRUST("tls", "trust");

    private final String element;
    private final String attribute;

    FileSetting(String element, String attribute) {
        this.element = element;
        this.attribute = attribute;
    }

    /** The element that carries the setting, without its parent ({@code tls}). */
    public String element() {
        return element;
    }

    /** The attribute that names the file ({@code certificate}). */
    public String attribute() {
        return attribute;
    }

    /** {@code <tls certificate>}, the subject of problems about this setting. */
    public String subject() {
        return "<" + element + " " + attribute + ">";
    }

    /** The resolved path of this setting in {@code config}; empty for an optional file that is not configured. */
    public Optional<Path> path(GatewayConfig config) {
        return switch (this) {
            case XMPP_CERTIFICATE -> Optional.of(config.xmpp().tls().certificate());
            case XMPP_KEY -> Optional.of(config.xmpp().tls().key());
            case XMPP_TRUST -> config.xmpp().tls().trust();
            case DIALBACK_SECRET -> Optional.of(config.xmpp().dialback().secretFile());
            case SIP_CERTIFICATE -> Optional.of(config.sip().tls().certificate());
            case SIP_KEY -> Optional.of(config.sip().tls().key());
            case SIP_TRUST -> Optional.of(config.sip().tls().trust());
        };
    }
}
