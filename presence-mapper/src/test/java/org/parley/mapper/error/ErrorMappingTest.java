package org.parley.mapper.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 7247 §7 (draft-ietf-stox-core "Error Mapping"). The first two columns of each table below are the RFC's cells
 * verbatim; the last columns are this gateway's choice where a cell offers alternatives.
 */
class ErrorMappingTest {

    private static final Pattern CODE = Pattern.compile("\\b([3-6][0-9][0-9])\\b");

    @ParameterizedTest(name = "{0} -> {1}: bare JID {2}, full JID {3}")
    @CsvSource(delimiter = '|', textBlock = """
            <bad-request/>              | 400                 | 400 | 400
            <conflict/>                 | 400                 | 400 | 400
            <feature-not-implemented/>  | 405 or 501 (1)      | 501 | 405
            <forbidden/>                | 403 or 603 (2)      | 603 | 403
            <gone/>                     | 301 or 410 (3)      | 410 | 410
            <internal-server-error/>    | 500                 | 500 | 500
            <item-not-found/>           | 404 or 604 (2)      | 604 | 404
            <jid-malformed/>            | 400                 | 400 | 400
            <not-acceptable/>           | 406 or 606 (2)      | 606 | 406
            <not-allowed/>              | 403                 | 403 | 403
            <not-authorized/>           | 401                 | 401 | 401
            <policy-violation/>         | 403                 | 403 | 403
            <recipient-unavailable/>    | 480 or 600 (2)      | 600 | 480
            <redirect/>                 | 302                 | 302 | 302
            <registration-required/>    | 407                 | 407 | 407
            <remote-server-not-found/>  | 404 or 408 (4)      | 404 | 404
            <remote-server-timeout/>    | 408                 | 408 | 408
            <resource-constraint/>      | 500                 | 500 | 500
            <service-unavailable/>      | see note (5) below  | 403 | 403
            <subscription-required/>    | 400                 | 400 | 400
            <undefined-condition/>      | 400                 | 400 | 400
            <unexpected-request/>       | 491 or 400          | 491 | 491
            """)
    void mapsEveryTable2RowFromXmppToSip(String xmppCell, String sipCell, int bareJid, int fullJid) {
        StanzaErrorCondition condition = condition(xmppCell);
        assertThat(ErrorMapping.toSipStatus(condition, Addressee.BARE_JID)).isEqualTo(bareJid);
        assertThat(ErrorMapping.toSipStatus(condition, Addressee.FULL_JID)).isEqualTo(fullJid);
        assertThat(ErrorMapping.toSipStatus(StanzaError.of(condition), Addressee.FULL_JID)).isEqualTo(fullJid);
        // Note 5 names 403 and 405 as closest for service-unavailable; every other choice is in the cell itself.
        Set<Integer> allowed = sipCell.contains("note (5)") ? Set.of(403, 405) : codesIn(sipCell);
        assertThat(allowed).contains(bareJid, fullJid);
    }

    @ParameterizedTest
    @EnumSource(StanzaErrorCondition.class)
    void everyConditionHasATable2Row(StanzaErrorCondition condition) {
        for (Addressee addressee : Addressee.values()) {
            assertThat(ErrorMapping.toSipStatus(condition, addressee)).isBetween(300, 699);
        }
    }

    @Test
    void goneMapsTo301WithANewAddressAnd410Without() {
        StanzaError moved = new StanzaError(StanzaErrorType.CANCEL, StanzaErrorCondition.GONE, Optional.empty(),
                Optional.of("xmpp:romeo@example.net"));
        assertThat(ErrorMapping.toSipStatus(moved, Addressee.BARE_JID)).isEqualTo(301);
        assertThat(ErrorMapping.toSipStatus(moved, Addressee.FULL_JID)).isEqualTo(301);
        assertThat(ErrorMapping.toSipStatus(StanzaError.of(StanzaErrorCondition.GONE), Addressee.BARE_JID))
                .isEqualTo(410);
    }

    @Test
    void redirectWithAnAddressStays302() {
        StanzaError redirect = new StanzaError(StanzaErrorType.MODIFY, StanzaErrorCondition.REDIRECT,
                Optional.empty(), Optional.of("xmpp:juliet@example.org"));
        assertThat(ErrorMapping.toSipStatus(redirect, Addressee.FULL_JID)).isEqualTo(302);
    }

    @Test
    void anUnresolvableXmppServerIsTheOtherRemoteServerNotFoundAlternative() {
        assertThat(ErrorMapping.sipStatusForUnresolvableXmppServer()).isEqualTo(408);
        assertThat(codesIn("404 or 408 (4)")).contains(ErrorMapping.sipStatusForUnresolvableXmppServer());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            300                |  <redirect/>
            301                |  <gone/> (1)
            302                |  <redirect/>
            305                |  <redirect/>
            380                |  <not-acceptable/>
            400                |  <bad-request/>
            401                |  <not-authorized/>
            402                |  <bad-request/> (2)
            403                |  <forbidden/> (3)
            404                |  <item-not-found/> (4)
            405                |  <feature-not-implemented/>
            406                |  <not-acceptable/>
            407                |  <registration-required/>
            408                |  <remote-server-timeout/> (5)
            410                |  <gone/> (1)
            413                |  <policy-violation/>
            414                |  <policy-violation/>
            415                |  <not-acceptable/>
            416                |  <not-acceptable/>
            420                |  <feature-not-implemented/>
            421                |  <not-acceptable/>
            423                |  <resource-constraint/>
            430                |  <recipient-unavailable/> (6)
            439                |  <feature-not-implemented/> (6)
            440                |  <policy-violation/> (7)
            480                |  <recipient-unavailable/>
            481                |  <item-not-found/>
            482                |  <not-acceptable/>
            483                |  <not-acceptable/>
            484                |  <item-not-found/>
            485                |  <item-not-found/>
            486                |  <recipient-unavailable/>
            487                |  <recipient-unavailable/>
            488                |  <not-acceptable/>
            489                |  <policy-violation/> (8)
            491                |  <unexpected-request/>
            493                |  <bad-request/>
            500                |  <internal-server-error/>
            501                |  <feature-not-implemented/>
            502                |  <remote-server-not-found/>
            503                |  <internal-server-error/> (9)
            504                |  <remote-server-timeout/>
            505                |  <not-acceptable/>
            513                |  <policy-violation/>
            600                |  <recipient-unavailable/>
            603                |  <recipient-unavailable/>
            604                |  <item-not-found/>
            606                |  <not-acceptable/>
            """)
    void mapsEveryListedTable3RowFromSipToXmpp(int sipStatus, String xmppCell) {
        assertThat(ErrorMapping.toStanzaCondition(sipStatus)).isEqualTo(condition(xmppCell));
    }

    @Test
    void table3ListsExactlyTheRfcCodes() {
        assertThat(ErrorMapping.listedSipStatuses()).containsExactly(
                300, 301, 302, 305, 380,
                400, 401, 402, 403, 404, 405, 406, 407, 408, 410, 413, 414, 415, 416, 420, 421, 423, 430, 439, 440,
                480, 481, 482, 483, 484, 485, 486, 487, 488, 489, 491, 493,
                500, 501, 502, 503, 504, 505, 513,
                600, 603, 604, 606);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3xx                |  <redirect/>
            4xx                |  <bad-request/>
            5xx                |  <internal-server-error/>
            6xx                |  <recipient-unavailable/>
            """)
    void mapsEveryUnlistedCodeByItsClassRow(String sipCell, String xmppCell) {
        int first = Integer.parseInt(sipCell.substring(0, 1)) * 100;
        int[] unlisted = IntStream.rangeClosed(first, first + 99)
                .filter(code -> !ErrorMapping.listedSipStatuses().contains(code))
                .toArray();
        assertThat(unlisted).isNotEmpty();
        for (int code : unlisted) {
            assertThat(ErrorMapping.toStanzaCondition(code)).as("SIP %d", code).isEqualTo(condition(xmppCell));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 100, 180, 200, 202, 299, 700, 999})
    void refusesCodesThatAreNotSipErrors(int notAnError) {
        assertThatThrownBy(() -> ErrorMapping.toStanzaCondition(notAnError))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(Integer.toString(notAnError));
    }

    @Test
    void aSipTransactionTimeoutIsARemoteServerTimeout() {
        assertThat(ErrorMapping.sipTransactionTimeout()).isEqualTo(StanzaErrorCondition.REMOTE_SERVER_TIMEOUT);
        assertThat(ErrorMapping.sipTransactionTimeout()).isEqualTo(ErrorMapping.toStanzaCondition(408));
    }

    @Test
    void a301BecomesGoneCarryingTheNewAddress() {
        StanzaError error = ErrorMapping.toStanzaError(301, Optional.of("Moved Permanently"),
                Optional.of("xmpp:romeo@example.net"));
        assertThat(error).isEqualTo(new StanzaError(StanzaErrorType.CANCEL, StanzaErrorCondition.GONE,
                Optional.of("Moved Permanently"), Optional.of("xmpp:romeo@example.net")));
    }

    @Test
    void a410BecomesGoneWithoutAnyAddress() {
        StanzaError error = ErrorMapping.toStanzaError(410, Optional.of("Gone"), Optional.of("xmpp:x@example.net"));
        assertThat(error.condition()).isEqualTo(StanzaErrorCondition.GONE);
        assertThat(error.alternateAddress()).isEmpty();
    }

    @Test
    void aRedirectKeepsItsContactAndOtherErrorsDropIt() {
        assertThat(ErrorMapping.toStanzaError(302, Optional.empty(), Optional.of("xmpp:a@example.net")))
                .isEqualTo(new StanzaError(StanzaErrorType.MODIFY, StanzaErrorCondition.REDIRECT, Optional.empty(),
                        Optional.of("xmpp:a@example.net")));
        assertThat(ErrorMapping.toStanzaError(486, Optional.of("Busy Here"), Optional.of("xmpp:a@example.net")))
                .isEqualTo(new StanzaError(StanzaErrorType.WAIT, StanzaErrorCondition.RECIPIENT_UNAVAILABLE,
                        Optional.of("Busy Here"), Optional.empty()));
    }

    @Test
    void aBlankReasonPhraseGivesNoText() {
        assertThat(ErrorMapping.toStanzaError(500, Optional.of("  "), Optional.empty()).text()).isEmpty();
    }

    private static StanzaErrorCondition condition(String cell) {
        String element = cell.strip().replaceFirst("\\s*\\(\\d\\)$", "");
        assertThat(element).startsWith("<").endsWith("/>");
        String name = element.substring(1, element.length() - 2);
        return StanzaErrorCondition.fromElementName(name)
                .orElseThrow(() -> new AssertionError("not an RFC 6120 condition: " + name));
    }

    private static Set<Integer> codesIn(String cell) {
        Set<Integer> codes = new LinkedHashSet<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }
}
