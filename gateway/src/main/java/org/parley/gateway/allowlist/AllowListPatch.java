package org.parley.gateway.allowlist;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A change to some fields of an existing entry ({@code parley allow set}): fields left out keep their value; the
 * host and port overrides can also be cleared. Built fluently: {@code AllowListPatch.none().withTls(REQUIRED)}.
 */
public record AllowListPatch(Optional<TlsPolicy> tls, Optional<AuthPolicy> auth, FieldUpdate<String> host,
                             FieldUpdate<Integer> port, Optional<Boolean> enabled) {

    /** What to do with an optional override field: keep it, set it, or clear it. */
    public sealed interface FieldUpdate<T> {
        /** Leave the field as it is. */
        record Keep<T>() implements FieldUpdate<T> { }

        /** Set the field to {@code value}. */
        record SetTo<T>(T value) implements FieldUpdate<T> {
            public SetTo {
                Objects.requireNonNull(value, "value");
            }
        }

        /** Remove the override. */
        record Clear<T>() implements FieldUpdate<T> { }

        /** The field's new value given its current one. */
        default Optional<T> apply(Optional<T> current) {
            if (this instanceof SetTo<T> set) {
                return Optional.of(set.value());
            }
            return this instanceof Clear<T> ? Optional.empty() : current;
        }
    }

    public AllowListPatch {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(enabled, "enabled");
    }

    /** A patch that changes nothing; start here. */
    public static AllowListPatch none() {
        return new AllowListPatch(Optional.empty(), Optional.empty(), new FieldUpdate.Keep<>(),
                new FieldUpdate.Keep<>(), Optional.empty());
    }

    public AllowListPatch withTls(TlsPolicy value) {
        return new AllowListPatch(Optional.of(value), auth, host, port, enabled);
    }

    public AllowListPatch withAuth(AuthPolicy value) {
        return new AllowListPatch(tls, Optional.of(value), host, port, enabled);
    }

    public AllowListPatch withHost(String value) {
        return new AllowListPatch(tls, auth, new FieldUpdate.SetTo<>(value), port, enabled);
    }

    public AllowListPatch withoutHost() {
        return new AllowListPatch(tls, auth, new FieldUpdate.Clear<>(), port, enabled);
    }

    public AllowListPatch withPort(int value) {
        return new AllowListPatch(tls, auth, host, new FieldUpdate.SetTo<>(value), enabled);
    }

    public AllowListPatch withoutPort() {
        return new AllowListPatch(tls, auth, host, new FieldUpdate.Clear<>(), enabled);
    }

    public AllowListPatch withEnabled(boolean value) {
        return new AllowListPatch(tls, auth, host, port, Optional.of(value));
    }

    /**
     * {@code current} with this patch's fields applied.
     *
     * @throws IllegalArgumentException if the result is not a valid policy (e.g. port out of range)
     */
    public DomainPolicy applyTo(DomainPolicy current) {
        Optional<Integer> currentPort = current.port().isPresent()
                ? Optional.of(current.port().getAsInt()) : Optional.empty();
        Optional<Integer> newPort = port.apply(currentPort);
        return new DomainPolicy(
                tls.orElse(current.tls()),
                auth.orElse(current.auth()),
                host.apply(current.host()),
                newPort.map(OptionalInt::of).orElseGet(OptionalInt::empty),
                enabled.orElse(current.enabled()));
    }
}
