package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 8: a bare domain counts only when its last label is a real public suffix. */
class PublicSuffixMembershipTest {

    private final AnswerScorer scorer = new AnswerScorer(Property.named("Harbor Point Lofts"));

    private List<String> cited(String text) {
        AnswerScore s = scorer.score(text, List.of());
        return s.citedDomains();
    }

    @Test
    void wordsWithADotAreNotDomains() {
        assertThat(cited("Built with node.js and a file.txt, 900 sq.ft of space.")).isEmpty();
    }

    @Test
    void realSuffixesAreDomains() {
        assertThat(cited("See Apartments.com, news.bbc.co.uk and rent.io.")).containsExactly("apartments.com",
                "bbc.co.uk", "rent.io");
    }
}
