package org.parley.sip.edge;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.parley.sip.AccessEdge;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.Lookup;
import org.xbill.DNS.NAPTRRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the Access Edge's TLS addresses with dnsjava through the configured resolver (or the system's).
 * For {@link AccessEdge.Discovered} it follows RFC 3263 §4.1–4.2 restricted to TLS over TCP: NAPTR records
 * with service {@code SIPS+D2T} (by order, then preference) point to SRV names; without NAPTR, SRV
 * {@code _sips._tcp.<domain>} and then {@code _sipfederationtls._tcp.<domain>} (the federation name used by
 * Microsoft edges); without SRV, the domain's A records on port 5061. SRV targets are ordered by priority,
 * then by weight, highest first (RFC 2782, without random selection). Failures are values, never thrown.
 */
public final class EdgeResolver {

    static final int DEFAULT_TLS_PORT = 5061;

    private final Resolver resolver;

    public EdgeResolver(Optional<InetSocketAddress> server, Duration timeout) {
        this.resolver = server.map(SimpleResolver::new).map(Resolver.class::cast)
                .orElseGet(Lookup::getDefaultResolver);
        if (server.isPresent()) {
            resolver.setTimeout(timeout);
        }
    }

    /** Resolves the edge; blocking (DNS round trips), so call it off the stack's threads. */
    public EdgeResolution resolve(AccessEdge edge) {
        try {
            if (edge instanceof AccessEdge.Direct direct) {
                return direct(direct.host(), direct.port());
            }
            return discover(((AccessEdge.Discovered) edge).domain());
        } catch (TextParseException e) {
            return new EdgeResolution.Failed("not a DNS name: " + e.getMessage());
        } catch (RuntimeException e) {
            return new EdgeResolution.Failed("DNS lookup failed: " + e);
        }
    }

    private EdgeResolution direct(String host, int port) throws TextParseException {
        byte[] literal = Address.toByteArray(host, Address.IPv4);
        if (literal == null) {
            literal = Address.toByteArray(host, Address.IPv6);
        }
        if (literal != null) {
            try {
                return new EdgeResolution.Resolved(List.of(new InetSocketAddress(InetAddress.getByAddress(literal),
                        port)), "address " + host);
            } catch (java.net.UnknownHostException e) {
                return new EdgeResolution.Failed("bad address " + host);
            }
        }
        List<InetSocketAddress> addresses = addresses(host, port);
        return addresses.isEmpty() ? new EdgeResolution.Failed("no A record for " + host)
                : new EdgeResolution.Resolved(addresses, "A " + host);
    }

    private EdgeResolution discover(String domain) throws TextParseException {
        List<String> srvNames = new ArrayList<>();
        List<NAPTRRecord> naptrs = lookup(domain, Type.NAPTR, NAPTRRecord.class);
        naptrs.stream()
                .filter(r -> r.getService().equalsIgnoreCase("SIPS+D2T") && r.getFlags().equalsIgnoreCase("s"))
                .sorted(Comparator.comparingInt(NAPTRRecord::getOrder).thenComparingInt(NAPTRRecord::getPreference))
                .forEach(r -> srvNames.add(r.getReplacement().toString()));
        String how = "NAPTR " + domain;
        if (srvNames.isEmpty()) {
            srvNames.add("_sips._tcp." + domain);
            srvNames.add("_sipfederationtls._tcp." + domain);
            how = "SRV";
        }
        for (String srvName : srvNames) {
            List<InetSocketAddress> addresses = srvTargets(srvName);
            if (!addresses.isEmpty()) {
                return new EdgeResolution.Resolved(addresses, how + " -> SRV " + srvName);
            }
        }
        List<InetSocketAddress> fallback = addresses(domain, DEFAULT_TLS_PORT);
        return fallback.isEmpty()
                ? new EdgeResolution.Failed("no NAPTR, SRV (_sips._tcp, _sipfederationtls._tcp) or A records for "
                        + domain)
                : new EdgeResolution.Resolved(fallback, "A " + domain);
    }

    private List<InetSocketAddress> srvTargets(String srvName) throws TextParseException {
        List<SRVRecord> records = new ArrayList<>(lookup(srvName, Type.SRV, SRVRecord.class));
        records.removeIf(r -> r.getTarget().equals(Name.root)); // "." = service not offered (RFC 2782)
        records.sort(Comparator.comparingInt(SRVRecord::getPriority)
                .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed()));
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (SRVRecord record : records) {
            addresses.addAll(addresses(record.getTarget().toString(), record.getPort()));
        }
        return addresses;
    }

    private List<InetSocketAddress> addresses(String host, int port) throws TextParseException {
        return lookup(host, Type.A, ARecord.class).stream()
                .map(a -> new InetSocketAddress(a.getAddress(), port)).toList();
    }

    private <T extends Record> List<T> lookup(String name, int type, Class<T> recordType) throws TextParseException {
        String absolute = name.endsWith(".") ? name : name + ".";
        Lookup lookup = new Lookup(absolute.toLowerCase(Locale.ROOT), type);
        lookup.setResolver(resolver);
        lookup.setCache(null);
        Record[] records = lookup.run();
        if (records == null) {
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (Record record : records) {
            if (recordType.isInstance(record)) {
                result.add(recordType.cast(record));
            }
        }
        return result;
    }
}
