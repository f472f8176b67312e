package org.parley.mapper.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.parley.mapper.MappingResult;
import org.parley.mapper.Rejection;
import org.parley.mapper.error.StanzaErrorCondition;

class MsCategoriesReaderTest {

    private static final String OPEN = "<categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories'"
            + " uri='sip:bob@contoso.test'>";
    private static final String STATE = "<state xmlns='http://schemas.microsoft.com/2006/09/sip/state'"
            + " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance'";
    private static final String NOTE = "<note xmlns='http://schemas.microsoft.com/2006/09/sip/note'>";

    private final MsCategoriesReader reader = new MsCategoriesReader();

    @Test
    void readsTheAggregateStateAvailabilityAndThePersonalNote() {
        MsCategories categories = reader.read(OPEN
                + "<category name='state' instance='1' publishTime='2024-05-01T10:00:00Z'>"
                + STATE + " manual='false' xsi:type='aggregateState'><availability>6500</availability>"
                + "<activity><custom LCID='1033'>In a call</custom></activity></state></category>"
                + "<category name='note' instance='0'>" + NOTE
                + "<body type='personal' uri=''>Back at 3</body></note></category>"
                + "<category name='contactCard'><contactCard xmlns='x'/></category>"
                + "</categories>").orElseThrow();

        assertThat(categories).isEqualTo(new MsCategories("sip:bob@contoso.test", OptionalLong.of(6500),
                Optional.of("Back at 3")));
    }

    @Test
    void prefersTheAggregateStateOverEarlierStates() {
        MsCategories categories = reader.read(OPEN
                + "<category name='state'>" + STATE + " xsi:type='userState'><availability>3500</availability>"
                + "</state></category>"
                + "<category name='state'>" + STATE + " xsi:type='aggregateState'><availability>9500</availability>"
                + "</state></category></categories>").orElseThrow();

        assertThat(categories.availability()).hasValue(9500);
    }

    @Test
    void fallsBackToTheFirstStateWithAnAvailability() {
        MsCategories categories = reader.read(OPEN
                + "<category name='state'>" + STATE + " xsi:type='machineState'/></category>"
                + "<category name='state'>" + STATE + " xsi:type='userState'><availability>12500</availability>"
                + "</state></category></categories>").orElseThrow();

        assertThat(categories.availability()).hasValue(12500);
    }

    @Test
    void prefersThePersonalNoteOverTheOutOfOfficeNote() {
        MsCategories categories = reader.read(OPEN + "<category name='note'>" + NOTE
                + "<body type='OOF'>On leave</body><body type='personal'>Lunch</body></note></category>"
                + "</categories>").orElseThrow();

        assertThat(categories.note()).contains("Lunch");
    }

    @Test
    void leavesAvailabilityEmptyWithoutAStateCategory() {
        MsCategories categories = reader.read(OPEN + "</categories>").orElseThrow();

        assertThat(categories.availability()).isEmpty();
        assertThat(categories.note()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            PIDF instead               | <presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@b'/>
            no uri                     | <categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories'/>
            availability not a number  | <categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories' uri='u'><category name='state'><state xmlns='http://schemas.microsoft.com/2006/09/sip/state'><availability>busy</availability></state></category></categories>
            negative availability      | <categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories' uri='u'><category name='state'><state xmlns='http://schemas.microsoft.com/2006/09/sip/state'><availability>-1</availability></state></category></categories>
            availability over 2^32-1   | <categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories' uri='u'><category name='state'><state xmlns='http://schemas.microsoft.com/2006/09/sip/state'><availability>4294967296</availability></state></category></categories>
            DOCTYPE                    | <!DOCTYPE categories [<!ENTITY x 'y'>]><categories xmlns='http://schemas.microsoft.com/2006/09/sip/categories' uri='u'/>
            """)
    void rejectsMalformedOrHostileBodiesAsBadRequest(String what, String body) {
        MappingResult<MsCategories> result = reader.read(body);

        assertThat(result).isInstanceOf(MappingResult.Rejected.class);
        Rejection rejection = ((MappingResult.Rejected<MsCategories>) result).rejection();
        assertThat(rejection.condition()).isEqualTo(StanzaErrorCondition.BAD_REQUEST);
        assertThat(rejection.sipStatus()).isEqualTo(400);
    }

    @Test
    void refusesBodiesOverTheSizeLimit() {
        MappingResult<MsCategories> result = new MsCategoriesReader(64).read(OPEN + " ".repeat(64) + "</categories>");

        assertThat(((MappingResult.Rejected<MsCategories>) result).rejection().sipStatus()).isEqualTo(413);
    }
}
