package org.parley.mapper;

import java.util.Objects;
import java.util.function.Function;

/**
 * The outcome of a translation: either {@link Mapped} with the translated value or {@link Rejected} with a
 * {@link Rejection} saying which stanza error and SIP response code to answer with. Rejections are expected
 * outcomes of bad or unsupported input and are never thrown.
 *
 * @param <T> the type of the translated value
 */
public sealed interface MappingResult<T> permits MappingResult.Mapped, MappingResult.Rejected {

    /** The translation succeeded. */
    record Mapped<T>(T value) implements MappingResult<T> {
        /** Requires a value. */
        public Mapped {
            Objects.requireNonNull(value, "value");
        }
    }

    /** The translation was refused. */
    record Rejected<T>(Rejection rejection) implements MappingResult<T> {
        /** Requires a rejection. */
        public Rejected {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /** A successful result. */
    static <T> MappingResult<T> mapped(T value) {
        return new Mapped<>(value);
    }

    /** A refusal. */
    static <T> MappingResult<T> rejected(Rejection rejection) {
        return new Rejected<>(rejection);
    }

    /** Whether this is {@link Mapped}. */
    default boolean isMapped() {
        return this instanceof Mapped;
    }

    /** Applies {@code f} to a mapped value; a rejection passes through unchanged. */
    default <U> MappingResult<U> map(Function<? super T, ? extends U> f) {
        if (this instanceof Mapped<T> mapped) {
            return mapped(f.apply(mapped.value()));
        }
        return rejected(((Rejected<T>) this).rejection());
    }

    /** Chains a further translation that may itself be rejected; a rejection passes through unchanged. */
    default <U> MappingResult<U> flatMap(Function<? super T, MappingResult<U>> f) {
        if (this instanceof Mapped<T> mapped) {
            return Objects.requireNonNull(f.apply(mapped.value()), "flatMap function returned null");
        }
        return rejected(((Rejected<T>) this).rejection());
    }

    /**
     * The mapped value, for callers that have already ruled out rejection (tests, constants).
     *
     * @throws IllegalStateException with the rejection's reason if this is {@link Rejected}
     */
    default T orElseThrow() {
        if (this instanceof Mapped<T> mapped) {
            return mapped.value();
        }
        Rejection rejection = ((Rejected<T>) this).rejection();
        throw new IllegalStateException("rejected (" + rejection.condition().elementName() + ", SIP "
                + rejection.sipStatus() + "): " + rejection.reason());
    }
}
