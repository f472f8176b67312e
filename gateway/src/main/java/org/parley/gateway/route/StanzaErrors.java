package org.parley.gateway.route;

import java.util.Optional;
import org.parley.mapper.Rejection;
import org.parley.xmpp.stanza.StanzaError;
import org.parley.xmpp.stanza.StanzaErrorCondition;
import org.parley.xmpp.stanza.StanzaErrorType;

/**
 * Converts stanza errors between the mapper's model and the s2s module's (both RFC 6120 §8.3, same conditions and
 * types by name). The s2s model has no alternate address for {@code gone}/{@code redirect}: it goes into the text.
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
        return new StanzaError(StanzaErrorType.valueOf(error.type().name()),
                StanzaErrorCondition.valueOf(error.condition().name()), text);
    }

    /** The s2s error for a refusal: its condition with the usual type, its reason as text. */
    public static StanzaError toS2s(Rejection rejection) {
        return StanzaError.of(StanzaErrorCondition.valueOf(rejection.condition().name()), rejection.reason());
    }

    /** The mapper's error for an s2s error (no alternate address). */
    public static org.parley.mapper.error.StanzaError toMapper(StanzaError error) {
        return new org.parley.mapper.error.StanzaError(
                org.parley.mapper.error.StanzaErrorType.valueOf(error.type().name()),
                org.parley.mapper.error.StanzaErrorCondition.valueOf(error.condition().name()),
                error.text().isEmpty() ? Optional.empty() : Optional.of(error.text()), Optional.empty());
    }

    /** The metric tag for a condition, e.g. {@code item-not-found}. */
    public static String tag(StanzaErrorCondition condition) {
        return condition.elementName();
    }
}
