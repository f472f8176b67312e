package org.parley.mapper.address;

import java.util.Optional;
import org.parley.mapper.MappingResult;

/**
 * RFC 7247 §6.2 local part mapping between a percent-decoded SIP {@code user} and an XEP-0106-escaped XMPP
 * localpart. Both directions are total on the sets they accept and inverse to each other there, so a user
 * survives a round trip through the other protocol exactly.
 */
final class LocalpartMapping {

    private LocalpartMapping() {
    }

    /**
     * SIP → XMPP (RFC 7247 §6.4 steps 5–6): XEP-0106-escapes the disallowed characters and a backslash that would
     * read as an escape. Rejects (jid-malformed / 400) a user that starts or ends with a space (XEP-0106 forbids
     * {@code \20} there) or that still is no valid localpart (control characters, other whitespace, over 1023
     * octets).
     */
    static MappingResult<String> toLocalpart(String sipUser) {
        if (sipUser.startsWith(" ") || sipUser.endsWith(" ")) {
            return malformed("SIP user '" + sipUser + "' starts or ends with a space");
        }
        String localpart = JidEscaping.escape(sipUser);
        Optional<String> problem = JidParts.localpartProblem(localpart);
        return problem.isPresent()
                ? malformed("SIP user '" + sipUser + "' cannot be an XMPP localpart: " + problem.get())
                : MappingResult.mapped(localpart);
    }

    /**
     * XMPP → SIP (RFC 7247 §6.5 step 3): XEP-0106-unescapes. Rejects (jid-malformed / 400) a localpart not in
     * canonical escaped form ({@link JidEscaping#isCanonical}), since two JIDs would then share one SIP user.
     * Percent-encoding happens when the SIP URI is written.
     */
    static MappingResult<String> toSipUser(String localpart) {
        if (!JidEscaping.isCanonical(localpart)) {
            return malformed("localpart '" + localpart + "' is not in canonical XEP-0106 form");
        }
        return MappingResult.mapped(JidEscaping.unescape(localpart));
    }

    private static MappingResult<String> malformed(String reason) {
        return MappingResult.rejected(AddressProblem.MALFORMED.reject(reason));
    }
}
