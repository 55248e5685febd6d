package com.propertyaudit.llm;

import com.propertyaudit.domain.Surface;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/**
 * Retirement dates the providers' official SDKs document in their deprecation tables, with the
 * model to move to; a warning is due from {@link #WARN_DAYS} days before the date.
 */
public final class ModelRetirements {

    static final int WARN_DAYS = 60;

    private record Retirement(LocalDate on, String instead) {}

    /** Only dates an official SDK's deprecation table states. */
    private static final Map<String, Retirement> BY_MODEL = Map.of(
            "claude-sonnet-4-5", new Retirement(LocalDate.of(2026, 11, 30), "claude-sonnet-4-6"),
            "claude-sonnet-4-5-20250929", new Retirement(LocalDate.of(2026, 11, 30), "claude-sonnet-4-6"));

    private ModelRetirements() {}

    /** "anthropic:claude-sonnet-4-5 was retired on 2026-11-30 …", or empty when no retirement is near. */
    public static Optional<String> warning(Surface surface, LocalDate today) {
        Retirement r = BY_MODEL.get(surface.model());
        if (r == null || ChronoUnit.DAYS.between(today, r.on()) > WARN_DAYS) return Optional.empty();
        String when = today.isBefore(r.on()) ? "is retired on " + r.on() : "was retired on " + r.on();
        return Optional.of(surface.id() + " " + when + " (the provider's deprecation table): choose "
                + r.instead() + " or another current model.");
    }
}
