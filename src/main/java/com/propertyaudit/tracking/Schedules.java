package com.propertyaudit.tracking;

import com.propertyaudit.domain.Surface;
import com.propertyaudit.store.ScheduleRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Adds, lists and removes schedules, and says which are due; every time comes from the clock given. */
public final class Schedules {

    private final ScheduleRepository repository;
    private final Clock clock;

    public Schedules(ScheduleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** Stores a schedule, due at once; returns its id. */
    public long add(String property, Every every, List<Surface> surfaces, int samples) {
        if (surfaces.isEmpty()) throw new IllegalArgumentException("A schedule needs at least one surface.");
        if (samples < 1 || samples > 50) throw new IllegalArgumentException("Samples must be between 1 and 50.");
        Instant now = clock.instant();
        return repository.add(property, every.id(), surfaces.stream().map(Surface::id).distinct().toList(), samples,
                now, now).orElseThrow(() -> new IllegalArgumentException("No property named '" + property
                        + "'. 'propertyaudit property list' shows them."));
    }

    public List<Schedule> list() {
        return repository.list().stream().map(Schedules::schedule).toList();
    }

    public List<Schedule> of(String property) {
        return list().stream().filter(s -> s.property().equals(property)).toList();
    }

    public boolean remove(long id) {
        return repository.remove(id);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Takes a due schedule for running: its next run moves on by whole periods past now. Empty when it
     * is not due or another process (the GUI, a cron job) took it first.
     */
    public Optional<Schedule> claim(Schedule s) {
        Instant now = clock.instant();
        if (!s.isDue(now)) return Optional.empty();
        Instant next = s.every().nextAfter(s.nextRun(), now, clock.getZone());
        if (!repository.claim(s.id(), s.nextRun(), next, now)) return Optional.empty();
        return Optional.of(new Schedule(s.id(), s.property(), s.every(), s.surfaces(), s.samples(), next, now));
    }

    private static Schedule schedule(ScheduleRepository.Stored s) {
        return new Schedule(s.id(), s.property(), Every.parse(s.every()), s.surfaces(), s.samples(), s.nextRun(),
                s.lastRun());
    }
}
