package org.parley.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.TlsPolicy;
import org.parley.gateway.config.FederationConfig.DomainEntry;
import org.parley.gateway.config.XmppConfig.DialbackConfig;
import org.parley.gateway.config.XmppConfig.DnsConfig;
import org.parley.gateway.config.XmppConfig.XmppTlsConfig;

/**
 * Turns the schema-valid element tree into {@link GatewayConfig}, filling in {@link ConfigDefaults} and making
 * the checks the schema cannot: domain names, IP addresses, duplicates, our own domains in the federation list,
 * the media port range and TCP listeners sharing a port. Collects every problem before giving up.
 */
final class ConfigMapper {

    private final Path source;
    private final ConfigValues values;
    private final Map<FileSetting, ConfigLocation> fileLocations = new EnumMap<>(FileSetting.class);

    private ConfigMapper(Path file) {
        this.source = file.toAbsolutePath().normalize();
        this.values = new ConfigValues(file, source.getParent());
    }

    /**
     * @param file the configuration file as named by the user (used in problems)
     * @param root the {@code <gateway>} element, valid against the schema
     * @throws ConfigException with every semantic problem found
     */
    static LoadedConfig map(Path file, XmlElement root) throws ConfigException {
        return new ConfigMapper(file).map(root);
    }

    private LoadedConfig map(XmlElement root) throws ConfigException {
        XmlElement xmppElement = root.child("xmpp").orElseThrow();
        Map<DomainName, Position> xmppDomains = uniqueDomains(xmppElement.children("domain"), "XMPP domain");
        XmppConfig xmpp = xmpp(xmppElement, xmppDomains);
        SipConfig sip = sip(root.child("sip").orElseThrow());
        Optional<XmlElement> messagesElement = root.child("messages");
        MessagesConfig messages = new MessagesConfig(
                values.integer(messagesElement, "max-size", MessagesConfig.DEFAULTS.maxSize()),
                values.duration(messagesElement, "bounce-wait", MessagesConfig.DEFAULTS.bounceWait()),
                values.bool(messagesElement, "receipts", MessagesConfig.DEFAULTS.requestReceipts()));
        PresenceConfig presence = presence(root.child("presence"));
        MediaConfig media = media(root.child("media"));
        StoreConfig store = new StoreConfig(
                values.jdbcUrl(root.child("store"), "url", ConfigDefaults.STORE_URL),
                values.string(root.child("store"), "user"),
                values.verbatim(root.child("store"), "password"));
        FederationConfig federation = federation(root.child("federation"), xmppDomains);
        AdminConfig admin = new AdminConfig(endpoint(root.child("admin"), ConfigDefaults.ADMIN_ADDRESS, ConfigDefaults.ADMIN_PORT));
        checkListenersDiffer(List.of(
                new Listener("<xmpp><listen>", xmppElement.child("listen"), xmpp.listen()),
                new Listener("<sip><listen>", root.child("sip").flatMap(s -> s.child("listen")), sip.listen()),
                new Listener("<admin>", root.child("admin"), admin.listen())));
        if (!values.problems().isEmpty()) {
            throw new ConfigException(values.problems().stream()
                    .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                    .toList());
        }
        return new LoadedConfig(new GatewayConfig(source, xmpp, sip, messages, presence, media, store,
                federation, admin), fileLocations);
    }

    /**
     * {@code <presence>}: durations in whole seconds (SIP's Expires is delta-seconds), at most a day; the start rate
     * at most the rate (by default 10 or the rate if lower); the linger from zero to a second (the schema checks).
     */
    private PresenceConfig presence(Optional<XmlElement> element) {
        PresenceConfig defaults = PresenceConfig.DEFAULTS;
        int rate = values.integer(element, "subscribe-rate", defaults.subscribeRate());
        return new PresenceConfig(wholeSeconds(element, "subscribe-expires", defaults.subscribeExpires()),
                wholeSeconds(element, "retry", defaults.retry()), rate, startRate(element, rate),
                values.duration(element, "state-write-linger", defaults.stateWriteLinger()));
    }

    private int startRate(Optional<XmlElement> element, int rate) {
        int fallback = Math.min(PresenceConfig.DEFAULT_START_RATE, rate);
        int value = values.integer(element, "subscribe-start-rate", fallback);
        if (value > rate) {
            XmlAttribute written = element.orElseThrow().attribute("subscribe-start-rate").orElseThrow();
            values.problem(written.position(), element.get().subject("subscribe-start-rate"),
                    "expected at most subscribe-rate (" + rate + "), got '" + written.value() + "'");
            return fallback;
        }
        return value;
    }

    private Duration wholeSeconds(Optional<XmlElement> element, String attribute, Duration fallback) {
        Duration value = values.duration(element, attribute, fallback);
        Optional<String> problem = !PresenceConfig.wholePositiveSeconds(value)
                ? Optional.of("expected a whole number of seconds such as PT30S")
                : value.compareTo(PresenceConfig.MAX_DURATION) > 0
                ? Optional.of("expected at most P1D (86400 seconds)")
                : Optional.empty();
        if (problem.isPresent()) {
            XmlAttribute written = element.orElseThrow().attribute(attribute).orElseThrow();
            values.problem(written.position(), element.get().subject(attribute),
                    problem.get() + ", got '" + written.value() + "'");
            return fallback;
        }
        return value;
    }

    private XmppConfig xmpp(XmlElement xmpp, Map<DomainName, Position> uniqueDomains) {
        List<String> domains = uniqueDomains.keySet().stream().map(DomainName::value).toList();
        Optional<XmlElement> tls = xmpp.child("tls");
        XmppTlsConfig tlsConfig = new XmppTlsConfig(
                values.token(tls, "mode", XmppConfig.TlsMode.class, ConfigDefaults.XMPP_TLS_MODE),
                values.path(tls, "certificate", ConfigDefaults.XMPP_CERTIFICATE),
                values.path(tls, "key", ConfigDefaults.XMPP_KEY),
                values.path(tls, "trust"));
        locate(FileSetting.XMPP_CERTIFICATE, tls, xmpp);
        locate(FileSetting.XMPP_KEY, tls, xmpp);
        locate(FileSetting.XMPP_TRUST, tls, xmpp);
        Optional<XmlElement> dialback = xmpp.child("dialback");
        locate(FileSetting.DIALBACK_SECRET, dialback, xmpp);
        Optional<XmlElement> dns = xmpp.child("dns");
        Optional<DnsConfig> dnsConfig = dns.map(d -> new DnsConfig(
                values.ipAddress(dns, "server", ""),
                values.integer(dns, "port", ConfigDefaults.DNS_PORT),
                values.duration(dns, "timeout", ConfigDefaults.DNS_TIMEOUT)));
        Optional<XmlElement> limits = xmpp.child("limits");
        return new XmppConfig(domains,
                endpoint(xmpp.child("listen"), ConfigDefaults.XMPP_ADDRESS, ConfigDefaults.XMPP_PORT),
                tlsConfig,
                new DialbackConfig(values.path(dialback, "secret-file", ConfigDefaults.DIALBACK_SECRET)),
                dnsConfig,
                new XmppConfig.XmppLimits(
                        values.integer(limits, "max-stanza-size", ConfigDefaults.MAX_STANZA_BYTES),
                        values.integer(limits, "queue-size", ConfigDefaults.QUEUE_SIZE),
                        values.duration(limits, "connect-timeout", ConfigDefaults.CONNECT_TIMEOUT),
                        values.duration(limits, "idle-timeout", ConfigDefaults.IDLE_TIMEOUT)));
    }

    private SipConfig sip(XmlElement sip) {
        List<String> domains = uniqueDomains(sip.children("domain"), "SIP domain").keySet().stream()
                .map(DomainName::value).toList();
        String fqdn = sip.child("fqdn").flatMap(values::domain).map(DomainName::value).orElse("");
        Optional<XmlElement> edge = sip.child("access-edge");
        Optional<SipConfig.AccessEdge> accessEdge = edge.map(e -> new SipConfig.AccessEdge(
                values.domain(e, "host").map(DomainName::value).orElse(""),
                values.integer(edge, "port", ConfigDefaults.ACCESS_EDGE_PORT)));
        Optional<XmlElement> tls = sip.child("tls");
        locate(FileSetting.SIP_CERTIFICATE, tls, sip);
        locate(FileSetting.SIP_KEY, tls, sip);
        locate(FileSetting.SIP_TRUST, tls, sip);
        return new SipConfig(domains, fqdn,
                endpoint(sip.child("listen"), ConfigDefaults.SIP_ADDRESS, ConfigDefaults.SIP_PORT),
                accessEdge,
                new SipConfig.SipTlsConfig(
                        values.path(tls, "certificate", ConfigDefaults.SIP_CERTIFICATE),
                        values.path(tls, "key", ConfigDefaults.SIP_KEY),
                        values.path(tls, "trust", ConfigDefaults.SIP_TRUST)));
    }

    private MediaConfig media(Optional<XmlElement> media) {
        int portMin = values.integer(media, "port-min", ConfigDefaults.MEDIA_PORT_MIN);
        int portMax = values.integer(media, "port-max", ConfigDefaults.MEDIA_PORT_MAX);
        Position minAt = media.flatMap(m -> m.attribute("port-min")).map(XmlAttribute::position)
                .orElse(media.map(XmlElement::position).orElse(Position.UNKNOWN));
        if (portMin > portMax) {
            values.problem(minAt, "<media port-min>", "port-min " + portMin + " is above port-max " + portMax);
        }
        if (portMin % 2 != 0) {
            values.problem(minAt, "<media port-min>", "expected an even port (RTP takes the even port of each pair,"
                    + " RTCP the odd one after it), got " + portMin);
        }
        return new MediaConfig(values.ipAddress(media, "address", ConfigDefaults.MEDIA_ADDRESS),
                values.ipAddress(media, "public-address"), portMin, portMax);
    }

    private FederationConfig federation(Optional<XmlElement> federation, Map<DomainName, Position> ownDomains) {
        List<DomainEntry> entries = new ArrayList<>();
        Map<DomainName, Position> seen = new LinkedHashMap<>();
        for (XmlElement domain : federation.map(f -> f.children("domain")).orElse(List.of())) {
            Optional<XmlElement> entry = Optional.of(domain);
            Optional<DomainName> name = values.domain(domain, "name");
            Position at = domain.attribute("name").map(XmlAttribute::position).orElse(domain.position());
            if (name.isPresent() && ownDomains.containsKey(name.get())) {
                values.problem(at, domain.subject("name"), "'" + name.get() + "' is this gateway's own XMPP domain (line "
                        + ownDomains.get(name.get()).line() + "); list remote domains only");
            } else if (name.isPresent() && seen.containsKey(name.get())) {
                values.problem(at, domain.subject("name"), "duplicate federation domain '" + name.get()
                        + "' (first at line " + seen.get(name.get()).line() + ")");
            } else if (name.isPresent()) {
                seen.put(name.get(), at);
                entries.add(new DomainEntry(name.get().value(),
                        values.token(entry, "tls", TlsPolicy.class, ConfigDefaults.FEDERATION_TLS),
                        values.token(entry, "auth", AuthPolicy.class, ConfigDefaults.FEDERATION_AUTH),
                        values.domain(domain, "host").map(DomainName::value),
                        domain.attribute("port").map(p -> OptionalInt.of(Integer.parseInt(p.value().strip())))
                                .orElse(OptionalInt.empty()),
                        values.bool(entry, "enabled", true)));
            }
        }
        return new FederationConfig(
                values.token(federation, "mode", FederationConfig.Mode.class, ConfigDefaults.FEDERATION_MODE), entries);
    }

    private Endpoint endpoint(Optional<XmlElement> element, String defaultAddress, int defaultPort) {
        return new Endpoint(values.ipAddress(element, "address", defaultAddress),
                values.integer(element, "port", defaultPort));
    }

    /** Normalised domains of {@code elements} in order, each with its position; reports invalid and duplicate ones. */
    private Map<DomainName, Position> uniqueDomains(List<XmlElement> elements, String what) {
        Map<DomainName, Position> seen = new LinkedHashMap<>();
        for (XmlElement element : elements) {
            Optional<DomainName> name = values.domain(element);
            if (name.isPresent() && seen.containsKey(name.get())) {
                values.problem(element.position(), element.subject(),
                        "duplicate " + what + " '" + name.get() + "' (first at line " + seen.get(name.get()).line() + ")");
            } else {
                name.ifPresent(n -> seen.put(n, element.position()));
            }
        }
        return seen;
    }

    private void checkListenersDiffer(List<Listener> listeners) {
        for (int i = 0; i < listeners.size(); i++) {
            for (int j = i + 1; j < listeners.size(); j++) {
                Listener first = listeners.get(i);
                Listener second = listeners.get(j);
                if (first.conflictsWith(second)) {
                    Listener reported = second.portWritten() || !first.portWritten() ? second : first;
                    Listener other = reported == second ? first : second;
                    values.problem(reported.portPosition(), reported.subject(), "port " + reported.endpoint.port()
                            + " is also used by " + other.description() + " on " + other.endpoint);
                }
            }
        }
    }

    /** Records where {@code setting} is (or would be) written: its attribute, else its element, else the parent. */
    private void locate(FileSetting setting, Optional<XmlElement> element, XmlElement parent) {
        Position at = element.flatMap(e -> e.attribute(setting.attribute())).map(XmlAttribute::position)
                .orElse(element.map(XmlElement::position).orElse(parent.position()));
        fileLocations.put(setting, values.location(at, setting.subject()));
    }

    /** A TCP listener, for checking that two do not bind the same port. */
    private record Listener(String name, Optional<XmlElement> element, Endpoint endpoint) {

        boolean conflictsWith(Listener other) {
            return endpoint.port() != 0 && endpoint.port() == other.endpoint.port()
                    && (endpoint.address().equals(other.endpoint.address()) || isWildcard(endpoint.address())
                        || isWildcard(other.endpoint.address()));
        }

        boolean portWritten() {
            return element.flatMap(e -> e.attribute("port")).isPresent();
        }

        Position portPosition() {
            return element.flatMap(e -> e.attribute("port")).map(XmlAttribute::position)
                    .orElse(element.map(XmlElement::position).orElse(Position.UNKNOWN));
        }

        String subject() {
            return element.map(e -> e.subject("port")).orElse(name);
        }

        String description() {
            return name + element.map(e -> " (line " + e.position().line() + ")").orElse(" (default)");
        }

        private static boolean isWildcard(String address) {
            return address.equals("0.0.0.0") || address.equals("::") || address.equals("0:0:0:0:0:0:0:0");
        }
    }
}
