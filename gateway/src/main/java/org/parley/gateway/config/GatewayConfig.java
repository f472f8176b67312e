package org.parley.gateway.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The whole of {@code conf/gateway.xml} ({@code urn:parley:gateway:1}), parsed once, validated and immutable.
 * Every path inside is already resolved against the directory of {@link #source()}.
 *
 * @param source the configuration file this was read from (absolute)
 */
public record GatewayConfig(
        Path source,
        XmppConfig xmpp,
        SipConfig sip,
        MessagesConfig messages,
        PresenceConfig presence,
        MediaConfig media,
        StoreConfig store,
        FederationConfig federation,
        AdminConfig admin) {

    public GatewayConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(xmpp, "xmpp");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(federation, "federation");
        Objects.requireNonNull(admin, "admin");
    }

    /** A configuration without {@code <presence>}: its defaults. */
    public GatewayConfig(Path source, XmppConfig xmpp, SipConfig sip, MessagesConfig messages, MediaConfig media,
                         StoreConfig store, FederationConfig federation, AdminConfig admin) {
        this(source, xmpp, sip, messages, PresenceConfig.DEFAULTS, media, store, federation, admin);
    }

    /** The directory relative paths in the file are resolved against. */
    public Path baseDirectory() {
        return source.getParent();
    }
}
