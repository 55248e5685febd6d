package com.propertyaudit.analysis;

/**
 * How visible one entity (the brand or a competitor) is over a run's completed answers.
 *
 * @param mentioningAnswers completed answers that mention the entity at least once
 * @param mentionRate       mentioningAnswers / completed answers, from 0 to 1
 * @param shareOfVoice      mentioningAnswers / the sum of mentioningAnswers over all entities × 100
 * @param meanRank          mean rank over the mentioning answers; null when there are none
 */
public record EntityVisibility(
        String name,
        boolean brand,
        int mentioningAnswers,
        double mentionRate,
        double shareOfVoice,
        Double meanRank) {}
