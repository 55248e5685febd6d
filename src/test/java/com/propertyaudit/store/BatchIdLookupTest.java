package com.propertyaudit.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.Surface;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch ids are matched literally by their first characters: LIKE's wildcards match nothing. */
class BatchIdLookupTest {

    @TempDir
    Path home;

    Database db;
    BatchRepository batches;

    static final UUID FIRST = UUID.fromString("aaaa1111-0000-4000-8000-000000000001");
    static final UUID SECOND = UUID.fromString("aaaa2222-0000-4000-8000-000000000002");

    @BeforeEach
    void open() {
        db = Database.openFolder(home);
        batches = new BatchRepository(db);
        Property p = Property.named("Harbor Point Lofts");
        for (UUID id : List.of(FIRST, SECOND)) {
            batches.create(new Batch(id, p.name(), p, 1, "{}", Instant.parse("2026-11-28T10:00:00Z"), null),
                    List.of(Run.queued(id, 1, Surface.parse("simulated:demo"), 1)), "me");
        }
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void wildcardsAreLiteralCharactersThatNoIdHas() {
        for (String pattern : List.of("%", "_", "%_%", "aaaa%", "aaaa_", "\\", "aaaa1111\\")) {
            assertThat(batches.idsStartingWith(pattern, 2)).as(pattern).isEmpty();
        }
    }

    @Test
    void aPrefixMatchesInAnyCaseWithSpacesAroundAndSaysWhenSeveralMatch() {
        assertThat(batches.idsStartingWith("  AAAA1111 ", 2)).containsExactly(FIRST);
        assertThat(batches.idsStartingWith("aaaa2222-0000-4000-8000-000000000002", 2)).containsExactly(SECOND);
        assertThat(batches.idsStartingWith("aaaa", 2)).containsExactly(FIRST, SECOND);
        assertThat(batches.idsStartingWith("aaaa", 1)).hasSize(1);
        assertThat(batches.idsStartingWith("", 2)).isEmpty();
        assertThat(batches.idsStartingWith("bbbb", 2)).isEmpty();
    }
}
