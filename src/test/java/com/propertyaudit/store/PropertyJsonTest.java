package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PropertyJsonTest {

    @TempDir
    Path dir;

    @Test
    void readsTheContractExample() {
        Property p = PropertyJson.parse("""
                {
                  "name": "Harbor Point Lofts",
                  "aliases": ["Harbor Point", "HPL"],
                  "domains": ["harborpointlofts.com"],
                  "location": {"city": "Portland", "region": "OR", "neighborhood": "Pearl District"},
                  "competitors": [
                    {"name": "The Yard", "aliases": [], "domains": ["theyardpdx.com"]}
                  ],
                  "queries": [{"text": "best loft apartments in the Pearl District", "topic": "discovery"}]
                }
                """, "p.json");
        assertThat(p.name()).isEqualTo("Harbor Point Lofts");
        assertThat(p.aliases()).containsExactly("Harbor Point", "HPL");
        assertThat(p.location()).isEqualTo(new Location("Portland", "OR", "Pearl District"));
        assertThat(p.competitors()).containsExactly(new Competitor("The Yard", List.of(), List.of("theyardpdx.com")));
        assertThat(p.queries()).containsExactly(new AuditQuery("best loft apartments in the Pearl District", "discovery"));
    }

    @Test
    void onlyNameIsRequired() {
        Property p = PropertyJson.parse("{\"name\": \"Solo\"}", "p.json");
        assertThat(p).isEqualTo(Property.named("Solo"));
    }

    @Test
    void writeThenReadGivesTheSameProperty() {
        Property p = new Property("Café Lofts", List.of("Cafe"), List.of("cafe.com"),
                new Location("Paris", null, "Marais"),
                List.of(new Competitor("Dock", List.of("D"), List.of())),
                List.of(new AuditQuery("best lofts", "discovery"), new AuditQuery("Café Lofts reviews", null)));
        assertThat(PropertyJson.parse(PropertyJson.write(p), "x")).isEqualTo(p);
        assertThat(PropertyJson.parse(PropertyJson.writeCompact(p), "x")).isEqualTo(p);
    }

    @Test
    void missingNameNamesTheField() {
        assertThatThrownBy(() -> PropertyJson.parse("{\n  \"aliases\": []\n}", "p.json"))
                .hasMessage("p.json, field \"name\": is required.");
    }

    @Test
    void blankNameIsRefused() {
        assertThatThrownBy(() -> PropertyJson.parse("{\"name\": \"  \"}", "p.json"))
                .hasMessageContaining("field \"name\": must not be blank.");
    }

    @Test
    void unknownFieldIsAnErrorWithItsLine() {
        String json = "{\n  \"name\": \"X\",\n  \"competitor\": []\n}";
        assertThatThrownBy(() -> PropertyJson.parse(json, "p.json"))
                .hasMessageStartingWith("p.json, line 3, field \"competitor\": is not a known field");
    }

    @Test
    void unknownNestedFieldNamesItsPath() {
        String json = "{\n \"name\": \"X\",\n \"competitors\": [\n  {\"name\": \"A\"},\n  {\"name\": \"B\", \"alias\": []}\n ]\n}";
        assertThatThrownBy(() -> PropertyJson.parse(json, "p.json"))
                .hasMessageStartingWith("p.json, line 5, field \"competitors[1].alias\": is not a known field");
    }

    @Test
    void wrongTypeNamesTheField() {
        String json = "{\n \"name\": \"X\",\n \"aliases\": \"HPL\"\n}";
        assertThatThrownBy(() -> PropertyJson.parse(json, "p.json"))
                .hasMessage("p.json, line 3, field \"aliases\": must be a list of strings.");
        assertThatThrownBy(() -> PropertyJson.parse("{\"name\": 5}", "p.json"))
                .hasMessageContaining("field \"name\": must be a string.");
    }

    @Test
    void notJsonNamesTheLine() {
        assertThatThrownBy(() -> PropertyJson.parse("{\n \"name\": \"X\",\n oops\n}", "p.json"))
                .hasMessageStartingWith("p.json, line 3: not valid JSON");
    }

    @Test
    void notUtf8IsRefused() throws Exception {
        Path f = dir.resolve("latin1.json");
        Files.write(f, "{\"name\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> PropertyJson.read(f))
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void byteOrderMarkIsAccepted() throws Exception {
        Path f = dir.resolve("bom.json");
        Files.write(f, "\uFEFF{\"name\": \"X\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(PropertyJson.read(f).name()).isEqualTo("X");
    }
}
