package org.parley.xmpp.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchDomainException;
import org.xbill.DNS.lookup.NoSuchRRSetException;

/**
 * {@link PeerResolver} on dnsjava's asynchronous {@link LookupSession}: SRV for {@code _xmpps-server._tcp}
 * (XEP-0368) and {@code _xmpp-server._tcp} (RFC 6120 §3.2.1) asked in parallel, direct-TLS targets first,
 * each set in RFC 2782 order; fallback to the domain on port 5269 when there is no {@code _xmpp-server} record
 * (RFC 6120 §3.2.2). Every outcome, timeouts included, is a value.
 */
public final class DnsJavaPeerResolver implements PeerResolver {

    private static final Logger LOG = LoggerFactory.getLogger(DnsJavaPeerResolver.class);
    private static final String DIRECT_TLS_SERVICE = "_xmpps-server._tcp.";
    private static final String STARTTLS_SERVICE = "_xmpp-server._tcp.";

    private final LookupSession session;
    private final SrvOrdering ordering;
    private final Duration timeout;

    public DnsJavaPeerResolver(DnsSettings settings, RandomGenerator random) {
        this.timeout = settings.timeout();
        this.ordering = new SrvOrdering(random);
        this.session = LookupSession.builder().resolver(resolver(settings)).build();
    }

    private static Resolver resolver(DnsSettings settings) {
        Resolver resolver = settings.server().<Resolver>map(SimpleResolver::new).orElseGet(ExtendedResolver::new);
        resolver.setTimeout(settings.timeout());
        return resolver;
    }

    @Override
    public CompletionStage<Resolution> resolveServer(String domain) {
        Name directTls;
        Name startTls;
        try {
            directTls = Name.fromString(DIRECT_TLS_SERVICE + domain, Name.root);
            startTls = Name.fromString(STARTTLS_SERVICE + domain, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new Resolution.Failed(DnsFailure.INVALID_NAME, e.getMessage()));
        }
        CompletableFuture<Answer> tls = lookup(directTls, Type.SRV);
        CompletableFuture<Answer> plain = lookup(startTls, Type.SRV);
        return tls.thenCombine(plain, (a, b) -> combine(domain, a, b));
    }

    @Override
    public CompletionStage<AddressResolution> resolveAddresses(String host) {
        if (isIpLiteral(host)) {
            try {
                return CompletableFuture.completedFuture(new AddressResolution.Found(List.of(InetAddress.getByName(host))));
            } catch (UnknownHostException e) {
                return CompletableFuture.completedFuture(new AddressResolution.Failed(DnsFailure.INVALID_NAME, host));
            }
        }
        Name name;
        try {
            name = Name.fromString(host, Name.root);
        } catch (TextParseException e) {
            return CompletableFuture.completedFuture(new AddressResolution.Failed(DnsFailure.INVALID_NAME, e.getMessage()));
        }
        return lookup(name, Type.AAAA).thenCombine(lookup(name, Type.A), (v6, v4) -> addresses(host, v6, v4));
    }

    private Resolution combine(String domain, Answer directTls, Answer startTls) {
        List<ConnectTarget> targets = new ArrayList<>();
        boolean refused = false;
        for (Answer answer : List.of(directTls, startTls)) {
            if (answer instanceof Answer.Records records) {
                boolean direct = answer == directTls;
                for (SrvOrdering.Srv srv : ordering.order(srvs(records.records()))) {
                    if (srv.target().isEmpty()) {
                        refused = true;
                    } else {
                        targets.add(new ConnectTarget(srv.target(), srv.port(), direct));
                    }
                }
            }
        }
        if (!targets.isEmpty()) {
            return new Resolution.Found(targets);
        }
        if (refused) {
            return new Resolution.Failed(DnsFailure.SERVICE_UNAVAILABLE, domain + " publishes no XMPP server (SRV target '.')");
        }
        if (startTls instanceof Answer.Absent) {
            LOG.debug("no SRV records for {}; falling back to {}:{}", domain, domain, ConnectTarget.DEFAULT_PORT);
            return new Resolution.Found(List.of(new ConnectTarget(domain, ConnectTarget.DEFAULT_PORT, false)));
        }
        Answer.Failed failed = (Answer.Failed) startTls;
        return new Resolution.Failed(failed.failure(), "SRV lookup for " + domain + ": " + failed.detail());
    }

    private static AddressResolution addresses(String host, Answer v6, Answer v4) {
        List<InetAddress> found = new ArrayList<>();
        for (Answer answer : List.of(v6, v4)) {
            if (answer instanceof Answer.Records records) {
                for (Record r : records.records()) {
                    if (r instanceof AAAARecord aaaa) {
                        found.add(aaaa.getAddress());
                    } else if (r instanceof ARecord a) {
                        found.add(a.getAddress());
                    }
                }
            }
        }
        if (!found.isEmpty()) {
            return new AddressResolution.Found(found);
        }
        if (v4 instanceof Answer.Failed failed) {
            return new AddressResolution.Failed(failed.failure(), host + ": " + failed.detail());
        }
        if (v6 instanceof Answer.Failed failed) {
            return new AddressResolution.Failed(failed.failure(), host + ": " + failed.detail());
        }
        return new AddressResolution.Failed(DnsFailure.NOT_FOUND, host + " has no A or AAAA record");
    }

    private static List<SrvOrdering.Srv> srvs(List<Record> records) {
        List<SrvOrdering.Srv> srvs = new ArrayList<>();
        for (Record r : records) {
            if (r instanceof SRVRecord srv) {
                String target = srv.getTarget().toString(true);
                srvs.add(new SrvOrdering.Srv(".".equals(target) ? "" : target, srv.getPort(), srv.getPriority(), srv.getWeight()));
            }
        }
        return srvs;
    }

    /** Result of one lookup. */
    private sealed interface Answer {
        record Records(List<Record> records) implements Answer { }

        record Absent() implements Answer { }

        record Failed(DnsFailure failure, String detail) implements Answer { }
    }

    private CompletableFuture<Answer> lookup(Name name, int type) {
        return session.lookupAsync(name, type).toCompletableFuture()
                // a guard in case the resolver's own timeout does not fire
                .orTimeout(timeout.toMillis() * 2 + 500, TimeUnit.MILLISECONDS)
                .handle((result, error) -> {
                    if (error == null) {
                        return result.getRecords().isEmpty() ? new Answer.Absent() : new Answer.Records(result.getRecords());
                    }
                    return failure(name, type, error);
                });
    }

    private static Answer failure(Name name, int type, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof NoSuchDomainException || cause instanceof NoSuchRRSetException) {
            return new Answer.Absent();
        }
        String what = Type.string(type) + " " + name;
        if (cause instanceof TimeoutException || String.valueOf(cause.getMessage()).toLowerCase().contains("timed out")) {
            LOG.debug("DNS timeout for {}", what);
            return new Answer.Failed(DnsFailure.TIMEOUT, what + ": no answer in time");
        }
        LOG.debug("DNS failure for {}: {}", what, cause.toString());
        return new Answer.Failed(DnsFailure.SERVER_FAILURE, what + ": " + cause.getMessage());
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }
}
