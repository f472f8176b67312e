package org.parley.gateway.presence.state;

import java.util.function.Function;

/** Reads enum values back from the tokens stored for them. */
final class Tokens {

    private Tokens() {
    }

    /**
     * The value whose token is {@code token}.
     *
     * @throws IllegalStateException for a token no value has: the database holds what the schema's checks forbid
     */
    static <E extends Enum<E>> E find(E[] values, Function<E, String> tokenOf, String token) {
        for (E value : values) {
            if (tokenOf.apply(value).equals(token)) {
                return value;
            }
        }
        throw new IllegalStateException("unknown stored value '" + token + "' for "
                + values[0].getDeclaringClass().getSimpleName());
    }
}
