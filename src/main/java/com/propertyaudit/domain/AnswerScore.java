package com.propertyaudit.domain;

import java.util.List;

/**
 * What the scoring rules (shared/contracts/score-cli.md) say of one answer.
 *
 * @param brandRank    null when the brand is not mentioned
 * @param competitors  mentioned competitors only, in rank order
 * @param citedDomains registrable domains, sorted, without repeats
 * @param mentions     every occurrence of every entity, in text order
 */
public record AnswerScore(
        boolean brandMentioned,
        Integer brandRank,
        boolean brandCited,
        List<EntityRank> competitors,
        List<String> citedDomains,
        double score,
        List<Mention> mentions) {

    public AnswerScore {
        competitors = List.copyOf(competitors);
        citedDomains = List.copyOf(citedDomains);
        mentions = List.copyOf(mentions);
    }

    public static final AnswerScore EMPTY =
            new AnswerScore(false, null, false, List.of(), List.of(), 0.0, List.of());
}
