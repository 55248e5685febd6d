package com.propertyaudit.analysis.ai;

import java.util.Objects;

/**
 * The sentiment of one answer towards one entity it names, with the sentence it rests on.
 *
 * @param entity   the canonical name of the brand or a competitor, as scored
 * @param evidence the sentence of the answer the judgement rests on; may be empty
 */
public record EntitySentiment(long answerId, String entity, Sentiment sentiment, String evidence) {

    public EntitySentiment {
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(sentiment, "sentiment");
        evidence = evidence == null ? "" : evidence;
    }
}
