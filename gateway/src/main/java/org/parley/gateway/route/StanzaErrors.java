package org.parley.gateway.route;

import java.util.Optional;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;
import org.parley.xmpp.stanza.StanzaError;

/**
 * Converts stanza errors between the mapper's record and the s2s module's wire record (RFC 6120 §8.3). Both use the
 * one condition and type vocabulary of {@code org.parley.mapper.error}; they differ only in the optional parts: the
 * s2s record has no alternate address for {@code gone}/{@code redirect}, so it goes into the text.
 */
public final class StanzaErrors {

    private StanzaErrors() {
    }

    /** The s2s error for a mapper error. */
    public static StanzaError toS2s(org.parley.mapper.error.StanzaError error) {
        String text = error.text().orElse("");
        if (error.alternateAddress().isPresent()) {
            text = (text.isEmpty() ? "" : text + "; ") + "new address: " + error.alternateAddress().get();
        }
        return new StanzaError(error.type(), error.condition(), text);
    }

    /** The s2s error for a refusal: its condition with the usual type, its reason as text. */
    public static StanzaError toS2s(Rejection rejection) {
        return StanzaError.of(rejection.condition(), rejection.reason());
    }

    /** The mapper's error for an s2s error (no alternate address). */
    public static org.parley.mapper.error.StanzaError toMapper(StanzaError error) {
        return new org.parley.mapper.error.StanzaError(error.type(), error.condition(),
                error.text().isEmpty() ? Optional.empty() : Optional.of(error.text()), Optional.empty());
    }

    /** The metric tag for a condition, e.g. {@code item-not-found}. */
    public static String tag(StanzaErrorCondition condition) {
        return condition.elementName();
    }
}
