package com.propertyaudit.analysis.ai;

import java.util.Locale;

/**
 * How an answer speaks of one entity it names. {@link #UNKNOWN} is the neutral case where the
 * answer says the model does not know the entity ("I couldn't find information about X"): it is
 * counted as neutral, never as a recommendation.
 */
public enum Sentiment {
    POSITIVE, NEUTRAL, NEGATIVE, UNKNOWN;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sentiment fromId(String id) {
        return valueOf(id.strip().toUpperCase(Locale.ROOT));
    }
}
