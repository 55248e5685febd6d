package com.propertyaudit.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AnswerScorerProperties {

    /**
     * The gate runs fixed inputs, so a red build means a change broke something, not that this run
     * drew an unlucky input; change the seed (or drop it locally) to explore new inputs, and keep
     * each bug found as an example test.
     */
    static final String SEED = "20261208";

    private static final com.propertyaudit.domain.Property HARBOR = Scoring.property("Harbor Point Lofts",
            List.of("Harbor Point", "HPL"), List.of("harborpointlofts.com"),
            Scoring.competitor("The Yard", "Yard PDX"),
            Scoring.competitor("Café Lumière"),
            Scoring.competitor("Dock"),
            Scoring.competitor("Dock Yard"));

    private static final AnswerScorer SCORER = new AnswerScorer(HARBOR);

    /** Fragments that reach every path: names, links, markdown, quotes, marks, surrogates. */
    private static final List<String> FRAGMENTS = List.of("Harbor Point", "HPL", "hpl", "The Yard", "Dock",
            "Dock Yard", "Cafe\u0301 Lumie\u0300re", "https://x.com/HPL", "theyardpdx.com", "a@b.com", "**", "_",
            "`", "’", "“", "\u00A0", "\n", " ", ".", "(", ")", "[", "]", "\u0301", "\uD83C\uDFE0", "\uD800",
            "\uDC00", "ﬁ", "ＨＰＬ", "é", "日本", "\u200B", "\t");

    @Provide
    Arbitrary<String> anyText() {
        Arbitrary<String> fragment = Arbitraries.oneOf(
                Arbitraries.of(FRAGMENTS),
                Arbitraries.strings().all().ofMaxLength(6),
                Arbitraries.strings().withCharRange('\u0300', '\u036F').ofMaxLength(3));
        return fragment.list().ofMaxSize(40).map(parts -> String.join("", parts));
    }

    @Property(tries = 2000, seed = SEED)
    void scoringNeverThrowsAndMentionsPointIntoTheText(@ForAll("anyText") String text) {
        AnswerScore s = SCORER.score(text, List.of());

        int previousEnd = 0;
        for (Mention m : s.mentions()) {
            assertThat(m.start()).isBetween(previousEnd, m.end() - 1);
            assertThat(m.end()).isLessThanOrEqualTo(text.length());
            previousEnd = m.end();
        }
        assertThat(s.score()).isBetween(0.0, 100.0);
    }

    private static final List<String> TWO_WORD_NAMES = List.of("Harbor Point", "The Yard", "Dock Yard", "Yard PDX");
    private static final Map<String, AnswerScorer> SCORER_BY_NAME = new HashMap<>();

    static {
        for (String name : TWO_WORD_NAMES) {
            SCORER_BY_NAME.put(name, new AnswerScorer(Scoring.brandOnly(name)));
        }
    }

    @Provide
    Arbitrary<String> asciiText() {
        return Arbitraries.strings().ascii().ofMaxLength(80);
    }

    @Provide
    Arbitrary<Integer> caseMask() {
        return Arbitraries.integers().between(0, (1 << 12) - 1);
    }

    /** The only name the scorer knows, in any case, so no other name can overlap it (rule 5). */
    @Property(tries = 2000, seed = SEED)
    void aTwoWordNameBetweenSpacesIsFound(@ForAll("asciiText") String before, @ForAll("asciiText") String after,
            @ForAll("caseMask") int mask, @ForAll("nameIndex") int nameIndex) {
        String canonical = TWO_WORD_NAMES.get(nameIndex);
        String written = randomCase(canonical, mask);
        String text = before + " " + written + " " + after;
        int start = before.length() + 1;

        List<Mention> mentions = SCORER_BY_NAME.get(canonical).score(text, List.of()).mentions();

        assertThat(mentions).as(text).contains(new Mention(canonical, true, start, start + written.length()));
    }

    @Provide
    Arbitrary<Integer> nameIndex() {
        return Arbitraries.integers().between(0, TWO_WORD_NAMES.size() - 1);
    }

    private static String randomCase(String name, int mask) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            sb.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return sb.toString();
    }

    @Provide
    Arbitrary<String> prose() {
        Arbitrary<String> word = Arbitraries.oneOf(
                Arbitraries.of("Harbor Point", "HPL", "The Yard", "Yard PDX", "Dock", "Dock Yard", "Café Lumière",
                        "https://theyardpdx.com/a", "Apartments.com", "hello@dockmail.com", "**HPL**", "[The Yard](x)",
                        "rent", "is", "near", "the", "river", "-", "1.", "’s", "\n\n", "|", "(", ")"),
                Arbitraries.strings().alpha().ofMaxLength(8));
        return word.list().ofMaxSize(30).map(words -> String.join(" ", words));
    }

    /** A full stop and a new line end any name, URL or domain, so later text cannot reach back. */
    @Property(tries = 1000, seed = SEED)
    void appendingTextAfterTheLastMentionKeepsEarlierRanks(@ForAll("prose") String text, @ForAll("prose") String more) {
        Map<String, Integer> before = ranks(SCORER.score(text, List.of()));

        Map<String, Integer> after = ranks(SCORER.score(text + ".\n" + more, List.of()));

        assertThat(after).containsAllEntriesOf(before);
    }

    private static Map<String, Integer> ranks(AnswerScore s) {
        Map<String, Integer> ranks = new HashMap<>();
        if (s.brandMentioned()) ranks.put(HARBOR.name(), s.brandRank());
        for (EntityRank competitor : s.competitors()) {
            ranks.put(competitor.name(), competitor.rank());
        }
        return ranks;
    }
}
