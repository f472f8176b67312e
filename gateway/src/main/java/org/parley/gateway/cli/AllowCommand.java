package org.parley.gateway.cli;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.parley.gateway.allowlist.AllowListEntry;
import org.parley.gateway.allowlist.AllowListPatch;
import org.parley.gateway.allowlist.AllowListRepository;
import org.parley.gateway.allowlist.AuthPolicy;
import org.parley.gateway.allowlist.DomainName;
import org.parley.gateway.allowlist.DomainPolicy;
import org.parley.gateway.allowlist.Origin;
import org.parley.gateway.allowlist.SetResult;
import org.parley.gateway.allowlist.TlsPolicy;
import org.parley.gateway.config.FederationConfig;
import org.parley.gateway.config.GatewayConfig;
import org.parley.gateway.store.Store;
import org.parley.gateway.store.StoreException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code parley allow list|add|remove|set}: the federation allow list in the store. Works whether or not the
 * gateway runs (H2 shares the file with a running gateway); a running gateway sees each change within a second.
 */
@Command(name = "allow", mixinStandardHelpOptions = true,
        description = "Show or change which remote XMPP domains may federate.",
        subcommands = {AllowCommand.ListEntries.class, AllowCommand.Add.class, AllowCommand.Remove.class,
            AllowCommand.Set.class})
final class AllowCommand implements Runnable {

    @Override
    public void run() {
        throw CliFailure.badUsage("say what to do: list, add, remove or set (see 'parley allow --help')");
    }

    /** Opens the store named by the configuration, runs {@code work}, closes the store. */
    private abstract static class StoreCommand implements Callable<Integer> {

        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public final Integer call() {
            GatewayConfig gateway = ConfigReader.load(config.file(), spec.commandLine().getErr()).config();
            try (Store store = Store.open(gateway.store(), new SimpleMeterRegistry())) {
                return run(gateway, new AllowListRepository(store.dataSource(), Clock.systemUTC()), spec.commandLine().getOut());
            } catch (StoreException e) {
                throw CliFailure.runtime(e.getMessage(), e);
            }
        }

        abstract int run(GatewayConfig gateway, AllowListRepository repository, PrintWriter out);

        DomainName domain(String raw) {
            DomainName.Parsed parsed = DomainName.parse(raw);
            if (parsed instanceof DomainName.Parsed.Invalid invalid) {
                throw CliFailure.badUsage("'" + invalid.input() + "' is not a domain name: " + invalid.reason());
            }
            return ((DomainName.Parsed.Valid) parsed).name();
        }

        void noteConfigOrigin(AllowListEntry entry, PrintWriter out) {
            if (entry.origin() == Origin.CONFIG) {
                out.println("note: " + entry.domain() + " is listed in " + config.file()
                        + "; the file wins again at the next start unless you change it there too");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the allow list.")
    static final class ListEntries extends StoreCommand {
        @Override
        int run(GatewayConfig gateway, AllowListRepository repository, PrintWriter out) {
            List<AllowListEntry> entries = repository.list();
            if (gateway.federation().mode() == FederationConfig.Mode.OPEN) {
                out.println("federation mode is open: any authenticated domain may federate; entries set per-domain policy");
            }
            if (entries.isEmpty()) {
                out.println("the allow list is empty");
                return ExitCode.OK;
            }
            String format = "%-40s %-9s %-9s %-28s %-8s %-7s %s%n";
            out.printf(format, "DOMAIN", "TLS", "AUTH", "HOST:PORT", "ENABLED", "ORIGIN", "UPDATED");
            for (AllowListEntry e : entries) {
                String override = e.host().orElse("") + (e.port().isPresent() ? ":" + e.port().getAsInt() : "");
                out.printf(format, e.domain(), e.tls().token(), e.auth().token(), override.isEmpty() ? "-" : override,
                        e.enabled() ? "yes" : "no", e.origin().token(), e.updatedAt());
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a domain to the allow list.")
    static final class Add extends StoreCommand {
        @Parameters(paramLabel = "DOMAIN", description = "Remote XMPP domain, e.g. jabber.example.")
        String domain;

        @Option(names = "--tls", paramLabel = "POLICY", defaultValue = "optional",
                description = "required | optional | disabled (default: ${DEFAULT-VALUE}).")
        TlsPolicy tls;

        @Option(names = "--auth", paramLabel = "POLICY", defaultValue = "any",
                description = "external (SASL EXTERNAL) | dialback | any (default: ${DEFAULT-VALUE}).")
        AuthPolicy auth;

        @Option(names = "--host", paramLabel = "HOST", description = "Connect to this host instead of DNS SRV.")
        String host;

        @Option(names = "--port", paramLabel = "PORT", description = "Connect to this port (1-65535).")
        Integer port;

        @Option(names = "--disabled", description = "Add the entry disabled.")
        boolean disabled;

        @Override
        int run(GatewayConfig gateway, AllowListRepository repository, PrintWriter out) {
            DomainName name = domain(domain);
            Optional<AllowListEntry> existing = repository.find(name);
            if (existing.isPresent()) {
                throw new CliFailure(ExitCode.RUNTIME_FAILURE, name + " is already on the allow list ("
                        + existing.get().describe() + "); change it with 'parley allow set " + name + " ...'");
            }
            DomainPolicy policy = new DomainPolicy(tls, auth, Optional.ofNullable(host).map(h -> domain(h).value()),
                    port == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(checkPort(port)), !disabled);
            AllowListEntry entry = repository.upsert(name, policy, Origin.CLI).entry();
            out.println("added " + entry.describe());
            return ExitCode.OK;
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a domain from the allow list.")
    static final class Remove extends StoreCommand {
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Override
        int run(GatewayConfig gateway, AllowListRepository repository, PrintWriter out) {
            DomainName name = domain(domain);
            Optional<AllowListEntry> existing = repository.find(name);
            if (existing.isEmpty() || !repository.remove(name)) {
                throw new CliFailure(ExitCode.RUNTIME_FAILURE, name + " is not on the allow list");
            }
            out.println("removed " + name);
            noteConfigOrigin(existing.get(), out);
            return ExitCode.OK;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true, description = "Change an entry of the allow list.")
    static final class Set extends StoreCommand {
        @Parameters(paramLabel = "DOMAIN")
        String domain;

        @Option(names = "--tls", paramLabel = "POLICY", description = "required | optional | disabled.")
        TlsPolicy tls;

        @Option(names = "--auth", paramLabel = "POLICY", description = "external | dialback | any.")
        AuthPolicy auth;

        @Option(names = "--host", paramLabel = "HOST", description = "Connect to this host instead of DNS SRV ('' to clear).")
        String host;

        @Option(names = "--port", paramLabel = "PORT", description = "Connect to this port (0 to clear).")
        Integer port;

        @Option(names = "--enabled", paramLabel = "true|false", arity = "1", description = "Enable or disable the entry.")
        Boolean enabled;

        @Override
        int run(GatewayConfig gateway, AllowListRepository repository, PrintWriter out) {
            DomainName name = domain(domain);
            AllowListPatch patch = AllowListPatch.none();
            if (tls != null) {
                patch = patch.withTls(tls);
            }
            if (auth != null) {
                patch = patch.withAuth(auth);
            }
            if (host != null) {
                patch = host.isBlank() ? patch.withoutHost() : patch.withHost(domain(host).value());
            }
            if (port != null) {
                patch = port == 0 ? patch.withoutPort() : patch.withPort(checkPort(port));
            }
            if (enabled != null) {
                patch = patch.withEnabled(enabled);
            }
            if (patch.equals(AllowListPatch.none())) {
                throw CliFailure.badUsage("nothing to change: give --tls, --auth, --host, --port or --enabled");
            }
            SetResult result = repository.set(name, patch);
            if (result instanceof SetResult.NotFound) {
                throw new CliFailure(ExitCode.RUNTIME_FAILURE, name + " is not on the allow list; add it with 'parley allow add " + name + "'");
            }
            SetResult.Updated updated = (SetResult.Updated) result;
            out.println((updated.changed() ? "changed " : "unchanged ") + updated.entry().describe());
            noteConfigOrigin(updated.entry(), out);
            return ExitCode.OK;
        }
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw CliFailure.badUsage("--port must be from 1 to 65535, got " + port);
        }
        return port;
    }
}
