package com.propertyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.store.Database;
import com.propertyaudit.store.PropertyRepository;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Control characters in names reach the terminal escaped, from every printer. */
class TerminalTest {

    static final String RED = "Harbor\u001b[31m Lofts\u0007\u0000";

    @TempDir
    Path home;

    @Test
    void controlCharactersAndReorderingMarksAreEscaped() {
        assertThat(Terminal.safe("Harbor Point Lofts – Café")).isEqualTo("Harbor Point Lofts – Café");
        assertThat(Terminal.safe(RED)).isEqualTo("Harbor\\u001B[31m Lofts\\u0007\\u0000");
        assertThat(Terminal.safe("a\u009bb\u202ec\nd")).isEqualTo("a\\u009Bb\\u202Ec\\u000Ad");
        assertThat(Terminal.safeLines("one\u001b\ntwo")).isEqualTo("one\\u001B" + System.lineSeparator() + "two");
    }

    @Test
    void everyPrinterEscapesStoredNamesAndEchoedInput() {
        // Stored before the file rules refused such names: the database may hold them.
        try (Database db = Database.openFolder(home)) {
            new PropertyRepository(db).save(new Property(RED, List.of(), List.of(), Location.NONE,
                    List.of(Competitor.named("Dock\u001b]0;title\u0007")),
                    List.of(new AuditQuery("best lofts", null), new AuditQuery("Dock reviews", null))));
        }
        String all = run("property", "list") + run("run", "--property", RED, "--surface", "simulated:demo")
                + run("batches") + run("insights") + run("insights", "--property", "No\u001b[2JSuch");
        assertThat(all).doesNotContain("\u001b", "\u0007", "\u0000").contains("Harbor\\u001B[31m Lofts\\u0007\\u0000")
                .contains("No\\u001B[2JSuch").contains("complete", "Brand share of voice");
    }

    String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--home",
                home.toString())).toArray(String[]::new);
        PropertyAuditCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return out + "\n" + err;
    }
}
