package org.parley.gateway.allowlist;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.parley.gateway.config.FederationConfig;

/**
 * The whole allow list as read at one store revision; immutable.
 *
 * @param revision the store's allow-list revision the entries were read at; {@code -1} before the first load
 * @param entries  every entry by domain
 */
public record AllowListSnapshot(long revision, Map<DomainName, AllowListEntry> entries) {

    /** The snapshot before anything was read. */
    public static final AllowListSnapshot EMPTY = new AllowListSnapshot(-1, Map.of());

    public AllowListSnapshot {
        entries = Map.copyOf(entries);
        entries.forEach((domain, entry) -> {
            if (!domain.equals(entry.domain())) {
                throw new IllegalArgumentException("entry for " + entry.domain() + " filed under " + domain);
            }
        });
    }

    /** A snapshot of {@code entries} (distinct domains) at {@code revision}. */
    public static AllowListSnapshot of(long revision, Collection<AllowListEntry> entries) {
        Map<DomainName, AllowListEntry> byDomain = new HashMap<>();
        for (AllowListEntry entry : entries) {
            if (byDomain.put(entry.domain(), entry) != null) {
                throw new IllegalArgumentException("duplicate entry for " + entry.domain());
            }
        }
        return new AllowListSnapshot(revision, byDomain);
    }

    /** The entry for {@code domain}, if listed (enabled or not). */
    public Optional<AllowListEntry> lookup(DomainName domain) {
        return Optional.ofNullable(entries.get(domain));
    }

    /** The entries ordered by domain. */
    public List<AllowListEntry> sorted() {
        return entries.values().stream().sorted(Comparator.comparing(e -> e.domain().value())).toList();
    }

    /**
     * The s2s policy decision for {@code domain}: a disabled entry refuses in either mode; an enabled entry permits
     * with its policy; an unlisted domain is refused in {@code ALLOW_LIST} mode and permitted with
     * {@link DomainPolicy#OPEN_MODE_DEFAULT} in {@code OPEN} mode.
     */
    public FederationDecision decide(FederationConfig.Mode mode, DomainName domain) {
        Objects.requireNonNull(mode, "mode");
        Optional<AllowListEntry> entry = lookup(domain);
        if (entry.isPresent()) {
            return entry.get().enabled()
                    ? new FederationDecision.Permitted(domain, entry.get().policy(), entry)
                    : new FederationDecision.Refused(domain, FederationDecision.Reason.DISABLED);
        }
        return switch (mode) {
            case ALLOW_LIST -> new FederationDecision.Refused(domain, FederationDecision.Reason.NOT_LISTED);
            case OPEN -> new FederationDecision.Permitted(domain, DomainPolicy.OPEN_MODE_DEFAULT, Optional.empty());
        };
    }
}
