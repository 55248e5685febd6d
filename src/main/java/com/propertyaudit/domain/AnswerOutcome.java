package com.propertyaudit.domain;

import java.util.Locale;

/**
 * What a reply is, read as the provider means it. A completed or refused reply is what the renter
 * would be shown, so it counts as an answer (a refusal names no one); a truncated, empty or failed
 * one is not an answer and is left out of every number, counted and shown instead.
 */
public enum AnswerOutcome {
    /** The model finished its answer. */
    COMPLETED,
    /** The model declined (a refusal, or a content filter); counts as an answer that names no one. */
    REFUSED,
    /** Cut off at the token limit (or the context window); the text, if any, is partial. */
    TRUNCATED,
    /** No text and no refusal. */
    EMPTY,
    /** No reply: a provider error, a reply whose status is failed, or no response at all. */
    FAILED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AnswerOutcome fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }

    /** How screens and reports name the outcome: "completed", "refused", "cut off", "no text", "failed". */
    public String label() {
        return switch (this) {
            case COMPLETED -> "completed";
            case REFUSED -> "refused";
            case TRUNCATED -> "cut off";
            case EMPTY -> "no text";
            case FAILED -> "failed";
        };
    }

    /** True when the reply is what a renter would be shown, so it counts in visibility, rates and agreement. */
    public boolean isAnswer() {
        return this == COMPLETED || this == REFUSED;
    }
}
