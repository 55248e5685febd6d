package com.propertyaudit.domain;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** How many replies had each outcome: what counts in the numbers, and what was left out and why. */
public record OutcomeCounts(int completed, int refused, int truncated, int empty, int failed) {

    public static final OutcomeCounts NONE = new OutcomeCounts(0, 0, 0, 0, 0);

    public static OutcomeCounts of(Map<AnswerOutcome, Integer> byOutcome) {
        return new OutcomeCounts(byOutcome.getOrDefault(AnswerOutcome.COMPLETED, 0),
                byOutcome.getOrDefault(AnswerOutcome.REFUSED, 0), byOutcome.getOrDefault(AnswerOutcome.TRUNCATED, 0),
                byOutcome.getOrDefault(AnswerOutcome.EMPTY, 0), byOutcome.getOrDefault(AnswerOutcome.FAILED, 0));
    }

    public OutcomeCounts plus(AnswerOutcome o) {
        return new OutcomeCounts(completed + (o == AnswerOutcome.COMPLETED ? 1 : 0),
                refused + (o == AnswerOutcome.REFUSED ? 1 : 0), truncated + (o == AnswerOutcome.TRUNCATED ? 1 : 0),
                empty + (o == AnswerOutcome.EMPTY ? 1 : 0), failed + (o == AnswerOutcome.FAILED ? 1 : 0));
    }

    public int of(AnswerOutcome o) {
        return switch (o) {
            case COMPLETED -> completed;
            case REFUSED -> refused;
            case TRUNCATED -> truncated;
            case EMPTY -> empty;
            case FAILED -> failed;
        };
    }

    public Map<AnswerOutcome, Integer> asMap() {
        Map<AnswerOutcome, Integer> m = new EnumMap<>(AnswerOutcome.class);
        for (AnswerOutcome o : AnswerOutcome.values()) m.put(o, of(o));
        return m;
    }

    /** Replies that count as answers: completed and refused. */
    public int answers() {
        return completed + refused;
    }

    /** Replies left out of every number: truncated, empty and failed. */
    public int excluded() {
        return truncated + empty + failed;
    }

    /**
     * What was left out, as the analyst reads it — "3 answers cut off at the token limit, 1 failed —
     * excluded" — or null when nothing was.
     */
    public String exclusionSentence() {
        List<String> parts = new ArrayList<>();
        if (truncated > 0) parts.add(truncated + (truncated == 1 ? " answer" : " answers") + " cut off at the token limit");
        if (empty > 0) parts.add(empty + (empty == 1 ? " reply" : " replies") + " with no text");
        if (failed > 0) parts.add(failed + (failed == 1 ? " request" : " requests") + " failed");
        return parts.isEmpty() ? null : String.join(", ", parts) + " — excluded";
    }
}
