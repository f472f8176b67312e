package org.parley.mapper.pidf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class XmlNamesTest {

    @ParameterizedTest(name = "''{0}'' NCName: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ID-yn0cl4bnw0yr3vym | true
            ID-a.b_c-d          | true
            _x                  | true
            ID-caf\u00e9        | true
            ID-\u65e5\u672c     | true
            1abc                | false
            -abc                | false
            ID-a b              | false
            ID-a:b              | false
            ID-a/b              | false
            ID-a@b              | false
            ''                  | false
            """)
    void decidesWhatCanBeATupleId(String value, boolean ncName) {
        assertThat(XmlNames.isNcName(value)).isEqualTo(ncName);
    }

    @ParameterizedTest(name = "U+{0} is XML text: {1}")
    @CsvSource({"0009,true", "000A,true", "0020,true", "0000,false", "0001,false", "001F,false", "FFFE,false",
            "D800,false", "E000,true", "1F600,true"})
    void decidesWhichCharactersXmlCanCarry(String hex, boolean allowed) {
        int codePoint = Integer.parseInt(hex, 16);
        String text = codePoint >= 0xD800 && codePoint <= 0xDFFF
                ? String.valueOf((char) codePoint) : Character.toString(codePoint);

        assertThat(XmlNames.isXmlText("a" + text + "b")).isEqualTo(allowed);
    }
}
