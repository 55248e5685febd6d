package com.propertyaudit.analysis.ai;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.StoredAnswer;
import java.util.List;

/**
 * What one answer shows, as the holistic analysis is told it: which surface named whom at what rank,
 * what it cited, and a short excerpt, never the whole answer.
 *
 * @param query     the property's query number, from 1
 * @param brandRank null when the answer does not name the brand
 */
public record AnswerFacts(int query, String surface, int sample, Integer brandRank, List<EntityRank> competitors,
        List<String> citedDomains, String excerpt) {

    static final int EXCERPT = 240;

    public AnswerFacts {
        competitors = List.copyOf(competitors);
        citedDomains = List.copyOf(citedDomains);
    }

    /** @param s the answer scored with its mentions' offsets (stored scores have none) */
    public static AnswerFacts of(StoredAnswer a, AnswerScore s, String surface) {
        String text = a.answer().text() == null ? "" : a.answer().text();
        Mention brand = s.mentions().stream().filter(Mention::brand).findFirst().orElse(null);
        String excerpt = brand != null ? Sentences.around(text, brand.start()) : text.strip();
        if (excerpt.length() > EXCERPT) excerpt = excerpt.substring(0, EXCERPT) + "…";
        return new AnswerFacts(a.answer().queryIndex() + 1, surface, a.answer().sample(), s.brandRank(),
                s.competitors(), s.citedDomains(), excerpt);
    }
}
