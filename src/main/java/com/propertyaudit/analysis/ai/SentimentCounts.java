package com.propertyaudit.analysis.ai;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** How the answers that name an entity speak of it; "does not know it" counts as neutral. */
public record SentimentCounts(int positive, int neutral, int negative) {

    public static final SentimentCounts NONE = new SentimentCounts(0, 0, 0);

    public SentimentCounts plus(Sentiment s) {
        return switch (s) {
            case POSITIVE -> new SentimentCounts(positive + 1, neutral, negative);
            case NEGATIVE -> new SentimentCounts(positive, neutral, negative + 1);
            case NEUTRAL, UNKNOWN -> new SentimentCounts(positive, neutral + 1, negative);
        };
    }

    public int total() {
        return positive + neutral + negative;
    }

    /** Counts per entity name. */
    public static Map<String, SentimentCounts> byEntity(Collection<EntitySentiment> judged) {
        Map<String, SentimentCounts> out = new HashMap<>();
        for (EntitySentiment e : judged) out.merge(e.entity(), NONE.plus(e.sentiment()), SentimentCounts::add);
        return out;
    }

    private static SentimentCounts add(SentimentCounts a, SentimentCounts b) {
        return new SentimentCounts(a.positive + b.positive, a.neutral + b.neutral, a.negative + b.negative);
    }
}
