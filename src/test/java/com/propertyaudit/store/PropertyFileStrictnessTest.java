package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.domain.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The property file read strictly: repeated fields, trailing text, blank-looking names and overlong fields. */
class PropertyFileStrictnessTest {

    static Property read(String json) {
        return PropertyJson.parseFile(json, "p.json");
    }

    @Test
    void aFieldGivenTwiceIsRefusedWithItsLine() {
        assertThatThrownBy(() -> read("{\n \"name\": \"A\",\n \"name\": \"B\"\n}"))
                .hasMessage("p.json, line 3: the field \"name\" is given twice in one object; keep one.");
        assertThatThrownBy(() -> read("{\"name\": \"A\", \"location\": {\"city\": \"X\", \"city\": \"Y\"}}"))
                .hasMessageContaining("the field \"city\" is given twice");
        assertThatThrownBy(() -> read("{\"name\": \"A\", \"competitors\": [{\"name\": \"B\", \"name\": \"C\"}]}"))
                .hasMessageContaining("the field \"name\" is given twice");
    }

    @Test
    void aSyntaxErrorIsNotTakenForARepeatedField() {
        assertThatThrownBy(() -> read("{\"name\": \"A\",\n \"aliases\": [}"))
                .hasMessageStartingWith("p.json, line 2: not valid JSON (");
    }

    @Test
    void textAfterTheObjectIsRefused() {
        for (String tail : List.of("{}", "{\"name\": \"B\"}", "x", "]", "\"more\"", "1", "// c")) {
            assertThatThrownBy(() -> read("{\"name\": \"A\"}\n" + tail)).as(tail)
                    .hasMessage("p.json, line 1: there is more text after the property's closing brace;"
                            + " a property file holds exactly one JSON object.");
        }
        assertThat(read("{\"name\": \"A\"}\n  \n").name()).isEqualTo("A");
    }

    @Test
    void namesMadeOfInvisibleCharactersAreRefused() {
        for (String blank : List.of("\u00A0\u00A0", "\u200B", "\u200B\u200C\u200D\uFEFF", "\u2060",
                "---", "\u00A0.\u00A0")) {
            assertThatThrownBy(() -> read("{\"name\": \"" + blank + "\"}")).as(blank).hasMessageStartingWith(
                    "p.json, line 1, field \"name\": has no letter or digit");
            assertThatThrownBy(() -> read("{\"name\": \"A\", \"competitors\": [{\"name\": \"" + blank + "\"}]}"))
                    .hasMessageContaining("field \"competitors[0].name\": has no letter or digit");
            assertThatThrownBy(() -> read("{\"name\": \"A\", \"aliases\": [\"ok\", \"" + blank + "\"]}"))
                    .hasMessageContaining("field \"aliases[1]\": has no letter or digit");
        }
        assertThatThrownBy(() -> read("{\"name\": \"\u2003 \u3000\"}")).hasMessageContaining("must not be blank");
        assertThatThrownBy(() -> read("{\"name\": \"A\", \"location\": {\"city\": \"\u200B\"}}"))
                .hasMessageContaining("field \"location.city\": is blank (only spaces or invisible characters)");
        assertThatThrownBy(() -> read("{\"name\": \"A\", \"queries\": [{\"text\": \"\u00A0\"}]}"))
                .hasMessageContaining("field \"queries[0].text\": is blank");
        assertThat(read("{\"name\": \"Caf\u00E9 \u00A0Lofts\"}").name()).isEqualTo("Caf\u00E9 \u00A0Lofts");
        assertThat(read("{\"name\": \"7\"}").name()).isEqualTo("7");
    }

    @Test
    void controlCharactersAreRefused() {
        assertThatThrownBy(() -> read("{\"name\": \"A\\u001b[31mB\"}"))
                .hasMessage("p.json, line 1, field \"name\": holds a control character (U+001B); remove it.");
        assertThatThrownBy(() -> read("{\"name\": \"A\\u0000B\"}")).hasMessageContaining("(U+0000)");
        assertThatThrownBy(() -> read("{\"name\": \"A\", \"queries\": [\"x\\u0007y\"]}"))
                .hasMessageContaining("field \"queries[0]");
    }

    @Test
    void everyFieldHasItsLimitNamedInTheMessage() {
        String name301 = "n".repeat(301);
        assertThatThrownBy(() -> read("{\n\"name\": \"" + name301 + "\"}"))
                .hasMessage("p.json, line 2, field \"name\": is 301 characters long; the limit is 300.");
        assertThat(read("{\"name\": \"" + "n".repeat(300) + "\"}").name()).hasSize(300);
        String[][] cases = {
            {"\"aliases\": [\"" + "a".repeat(301) + "\"]", "aliases[0]", "300"},
            {"\"domains\": [\"" + "d".repeat(254) + "\"]", "domains[0]", "253"},
            {"\"location\": {\"city\": \"" + "c".repeat(201) + "\"}", "location.city", "200"},
            {"\"location\": {\"region\": \"" + "r".repeat(201) + "\"}", "location.region", "200"},
            {"\"location\": {\"neighborhood\": \"" + "h".repeat(201) + "\"}", "location.neighborhood", "200"},
            {"\"competitors\": [{\"name\": \"" + "c".repeat(301) + "\"}]", "competitors[0].name", "300"},
            {"\"competitors\": [{\"name\": \"C\", \"aliases\": [\"" + "a".repeat(301) + "\"]}]",
                "competitors[0].aliases[0]", "300"},
            {"\"competitors\": [{\"name\": \"C\", \"domains\": [\"" + "d".repeat(254) + "\"]}]",
                "competitors[0].domains[0]", "253"},
            {"\"queries\": [{\"text\": \"" + "q".repeat(501) + "\"}]", "queries[0].text", "500"},
            {"\"queries\": [{\"text\": \"q\", \"topic\": \"" + "t".repeat(101) + "\"}]", "queries[0].topic", "100"},
        };
        for (String[] c : cases) {
            assertThatThrownBy(() -> read("{\"name\": \"A\", " + c[0] + "}")).as(c[1])
                    .hasMessageContaining("field \"" + c[1] + "\": is ")
                    .hasMessageEndingWith("characters long; the limit is " + c[2] + ".");
        }
    }

    @Test
    void storedSnapshotsAreReadWithoutTheNewRules() {
        assertThat(PropertyJson.parse("{\"name\": \"\u200B\"}", "stored batch snapshot").name()).isEqualTo("\u200B");
    }
}
