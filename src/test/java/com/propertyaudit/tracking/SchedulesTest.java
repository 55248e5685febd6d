package com.propertyaudit.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.store.ScheduleRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Schedule arithmetic with a fake clock: due at once, missed periods run once, daylight saving; claims in H2. */
class SchedulesTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final List<Surface> SIMULATED = List.of(Surface.parse("simulated:demo"));

    @TempDir
    Path home;

    Workspace ws;
    /** A clock the test moves. */
    Instant now = Instant.parse("2026-03-06T11:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return NEW_YORK;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void open() {
        ws = Workspace.open(home, null, Map.of());
        ws.properties().save(Batches.property("Alpha Lofts", 2, "alpha"));
    }

    @AfterEach
    void close() {
        ws.close();
    }

    Schedules schedules() {
        return new Schedules(new ScheduleRepository(ws.database()), clock);
    }

    @Test
    void aNewScheduleIsDueAtOnceAndRunsOnceThenWaitsAPeriod() {
        Schedules s = schedules();
        long id = s.add("Alpha Lofts", Every.DAY, SIMULATED, 2);
        Schedule added = s.list().get(0);
        assertThat(added.id()).isEqualTo(id);
        assertThat(added.isDue(now)).isTrue();
        assertThat(added.lastRun()).isNull();
        assertThat(s.claim(added)).isPresent();
        assertThat(s.claim(added)).as("the same due time is taken once").isEmpty();
        Schedule moved = s.list().get(0);
        assertThat(moved.nextRun()).isEqualTo(now.plus(Duration.ofDays(1)));
        assertThat(moved.lastRun()).isEqualTo(now);
        assertThat(moved.isDue(now)).isFalse();
    }

    @Test
    void missedPeriodsRunOnceAndTheNextRunStaysOnTheSchedulesGrid() {
        Schedules s = schedules();
        s.add("Alpha Lofts", Every.TWELVE_HOURS, SIMULATED, 1);
        Instant first = now;
        s.claim(s.list().get(0));
        now = first.plus(Duration.ofHours(12 * 5 + 3));   // five periods missed, three hours into the sixth
        Schedule due = s.list().get(0);
        assertThat(s.claim(due)).isPresent();
        assertThat(s.list().get(0).nextRun()).isEqualTo(first.plus(Duration.ofHours(12 * 6)));
        assertThat(s.claim(s.list().get(0))).isEmpty();
    }

    @Test
    void aDailyScheduleKeepsItsLocalTimeAcrossTheDaylightSavingChange() {
        // 06:00 in New York on Saturday 7 March 2026; the clocks go forward on Sunday 8 March.
        Instant saturday = Instant.parse("2026-03-07T11:00:00Z");
        Instant sunday = Every.DAY.after(saturday, NEW_YORK);
        assertThat(sunday).isEqualTo(Instant.parse("2026-03-08T10:00:00Z"));
        assertThat(sunday.atZone(NEW_YORK).getHour()).isEqualTo(6);
        assertThat(Every.WEEK.after(saturday, NEW_YORK).atZone(NEW_YORK).getHour()).isEqualTo(6);
        assertThat(Every.TWELVE_HOURS.after(saturday, NEW_YORK)).isEqualTo(saturday.plus(Duration.ofHours(12)));
        assertThat(Every.DAY.nextAfter(saturday, Instant.parse("2026-03-09T12:00:00Z"), NEW_YORK))
                .isEqualTo(Instant.parse("2026-03-10T10:00:00Z"));
        assertThat(Every.DAY.after(saturday, ZoneOffset.UTC)).isEqualTo(saturday.plus(Duration.ofDays(1)));
    }

    @Test
    void periodsAndPropertiesAreCheckedWithSentences() {
        assertThatThrownBy(() -> Every.parse("2d")).hasMessage("'2d' is not a period: use 12h, 1d or 7d.");
        assertThat(Every.parse(" 7D ")).isEqualTo(Every.WEEK);
        assertThatThrownBy(() -> schedules().add("Nowhere", Every.DAY, SIMULATED, 1))
                .hasMessageStartingWith("No property named 'Nowhere'.");
        assertThat(schedules().remove(99)).isFalse();
    }
}
