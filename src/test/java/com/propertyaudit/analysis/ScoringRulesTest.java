package com.propertyaudit.analysis;

import static com.propertyaudit.analysis.Scoring.brandOnly;
import static com.propertyaudit.analysis.Scoring.competitor;
import static com.propertyaudit.analysis.Scoring.competitorsOnly;
import static com.propertyaudit.analysis.Scoring.highlighted;
import static com.propertyaudit.analysis.Scoring.mentioned;
import static com.propertyaudit.analysis.Scoring.property;
import static com.propertyaudit.analysis.Scoring.score;
import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Property;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One nested class per numbered rule of score-cli.md. */
class ScoringRulesTest {

    private static final Property HARBOR = property("Harbor Point Lofts", List.of("Harbor Point", "HPL"),
            List.of("harborpointlofts.com"),
            competitor("The Yard", "Yard PDX"),
            competitor("Cosmopolitan on the Park", "Cosmopolitan"),
            competitor("Dock"),
            competitor("Dock Yard"),
            competitor("Pinnacle"));

    @Nested
    class Rule1Entities {

        @Test
        void anAliasIsReportedUnderTheCanonicalName() {
            assertThat(mentioned(HARBOR, "HPL beats Yard PDX.")).containsExactly("Harbor Point Lofts", "The Yard");
        }

        @Test
        void brandMentionsAreMarkedAsBrand() {
            List<Mention> mentions = score(HARBOR, "Harbor Point or The Yard").mentions();
            assertThat(mentions).extracting(Mention::brand).containsExactly(true, false);
        }

        @Test
        void severalAliasesOfOneCompetitorMakeOneCompetitorEntry() {
            AnswerScore s = score(HARBOR, "The Yard, also called Yard PDX; The Yard again.");
            assertThat(s.competitors()).containsExactly(new EntityRank("The Yard", 1));
            assertThat(s.mentions()).hasSize(3);
        }

        @Test
        void anAliasSharedWithACompetitorCountsForTheBrand() {
            Property p = property("Harbor Point Lofts", List.of("The Lofts"), List.of(), competitor("Lofts Co", "The Lofts"));
            assertThat(mentioned(p, "Try The Lofts.")).containsExactly("Harbor Point Lofts");
        }

        @Test
        void blankAliasesAreIgnored() {
            Property p = property("Harbor Point Lofts", List.of("", "  ", "\u00A0"), List.of(), competitor("Dock", " "));
            assertThat(mentioned(p, "Some text with Dock in it.")).containsExactly("Dock");
        }

        @Test
        void anEntityNotMentionedIsNotListed() {
            assertThat(score(HARBOR, "Nothing relevant here.").competitors()).isEmpty();
        }
    }

    @Nested
    class Rule2Normalisation {

        @Test
        void diacriticsInTheTextAreRemoved() {
            Property p = brandOnly("Cafe Lofts");
            assertThat(highlighted(p, "The Café Lofts are nice")).containsExactly("Café Lofts");
        }

        @Test
        void diacriticsInTheAliasAreRemoved() {
            assertThat(mentioned(brandOnly("Café Lofts"), "CAFE LOFTS is open")).hasSize(1);
        }

        @Test
        void decomposedAccentsAreRemovedAndHighlightedWithTheirBase() {
            String text = "Cafe\u0301 Lofts!";
            assertThat(highlighted(brandOnly("Cafe Lofts"), text)).containsExactly("Cafe\u0301 Lofts");
        }

        @Test
        void compatibilityFormsAreNormalised() {
            assertThat(highlighted(brandOnly("Harbor Point Lofts", "HPL"), "Try ＨＰＬ today"))
                    .containsExactly("ＨＰＬ");
        }

        @Test
        void ligaturesAreExpanded() {
            assertThat(highlighted(brandOnly("Fifth Lofts"), "The ﬁfth Lofts")).containsExactly("ﬁfth Lofts");
        }

        @Test
        void curlyApostropheInTheTextIsStraightened() {
            assertThat(highlighted(HARBOR, "Residents of HPL’s south tower")).containsExactly("HPL");
        }

        @Test
        void curlyApostropheInTheAliasIsStraightened() {
            Property p = brandOnly("Miller’s Court");
            assertThat(mentioned(p, "Miller's Court")).hasSize(1);
            assertThat(mentioned(p, "Miller‘s Court")).hasSize(1);
        }

        @Test
        void curlyQuotesAroundANameDoNotStopAMatch() {
            assertThat(highlighted(HARBOR, "“The Yard” is close")).containsExactly("The Yard");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Harbor\u00A0Point", "Harbor\tPoint", "Harbor\nPoint", "Harbor\r\n\r\nPoint",
            "Harbor  \u2009 Point", "Harbor\u202FPoint", "Harbor\u3000Point"})
        void anyRunOfWhiteSpaceCountsAsOneSpace(String name) {
            String text = "Go to " + name + ".";
            assertThat(highlighted(brandOnly("Harbor Point Lofts", "Harbor Point"), text)).containsExactly(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"**The Yard**", "*The Yard*", "_The Yard_", "__The Yard__", "`The Yard`",
            "***The Yard***"})
        void markdownEmphasisAroundANameDoesNotStopAMatch(String emphasised) {
            assertThat(highlighted(HARBOR, "1. " + emphasised + " – rooftop deck")).containsExactly("The Yard");
        }

        @Test
        void markdownEmphasisAroundOneWordOfANameDoesNotStopAMatch() {
            assertThat(mentioned(HARBOR, "**Harbor** Point is great")).containsExactly("Harbor Point Lofts");
            assertThat(mentioned(HARBOR, "Harbor *Point* Lofts")).containsExactly("Harbor Point Lofts");
        }

        @Test
        void namesInMarkdownTablesAreFound() {
            String table = "| Community | Rent |\n|---|---|\n| **HPL** | $2,100 |\n| The Yard | $1,900 |\n";
            assertThat(mentioned(HARBOR, table)).containsExactly("Harbor Point Lofts", "The Yard");
        }

        @Test
        void namesInMarkdownListsAreFound() {
            String list = "- Dock Yard\n  - Dock\n* Cosmopolitan\n1. Harbor Point";
            assertThat(mentioned(HARBOR, list))
                    .containsExactly("Dock Yard", "Dock", "Cosmopolitan on the Park", "Harbor Point Lofts");
        }

        @Test
        void markdownHeadingsAndQuotesAreOrdinaryText() {
            assertThat(mentioned(HARBOR, "## The Yard\n> HPL is quieter")).containsExactly("The Yard", "Harbor Point Lofts");
        }
    }

    @Nested
    class Rule3WholeWords {

        private final Property park = competitorsOnly("Park 12");

        @Test
        void aLongerNumberIsNotTheName() {
            assertThat(mentioned(park, "Park 120 is new")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Park 12", "Park 12.", "Park 12, then", "(Park 12)", "Park 12-B", "Park 12's pool"})
        void punctuationAroundTheNameIsABoundary(String text) {
            assertThat(mentioned(park, text)).containsExactly("Park 12");
        }

        @Test
        void aPossessiveIsTheName() {
            assertThat(mentioned(competitorsOnly("Domain"), "Domain's gym")).containsExactly("Domain");
            assertThat(mentioned(competitorsOnly("Domain"), "Domain’s gym")).containsExactly("Domain");
        }

        @Test
        void aPluralIsAnotherWord() {
            assertThat(mentioned(competitorsOnly("Domain"), "Domains are rented")).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"xHPL", "HPLx", "2HPL", "HPL2", "HPLé", "éHPL", "HPLж", "日HPL"})
        void lettersOrDigitsTouchingTheNameStopAMatch(String text) {
            assertThat(mentioned(HARBOR, text)).isEmpty();
        }

        @Test
        void aLetterOutsideTheBasicPlaneStopsAMatch() {
            assertThat(mentioned(HARBOR, "HPL\uD801\uDC00")).isEmpty();
        }

        @Test
        void aNameAtTheVeryStartAndEndOfTheTextIsFound() {
            assertThat(mentioned(HARBOR, "HPL")).containsExactly("Harbor Point Lofts");
        }
    }

    @Nested
    class Rule4Case {

        @ParameterizedTest
        @ValueSource(strings = {"Harbor Point", "harbor point", "HARBOR POINT", "hArBoR pOiNt"})
        void aNameOfTwoOrMoreWordsMatchesInAnyCase(String text) {
            assertThat(mentioned(HARBOR, text)).containsExactly("Harbor Point Lofts");
        }

        @Test
        void aOneWordNameMatchesOnlyWithTheCaseWritten() {
            assertThat(mentioned(HARBOR, "HPL")).hasSize(1);
            assertThat(mentioned(HARBOR, "hpl and Hpl")).isEmpty();
            assertThat(mentioned(HARBOR, "Pinnacle")).containsExactly("Pinnacle");
            assertThat(mentioned(HARBOR, "the pinnacle of living, PINNACLE")).isEmpty();
        }

        @Test
        void aOneWordNameWrittenInLowerCaseNeedsLowerCase() {
            Property p = competitorsOnly("aria");
            assertThat(mentioned(p, "aria")).hasSize(1);
            assertThat(mentioned(p, "Aria")).isEmpty();
        }

        @Test
        void caseIsComparedAfterNormalisation() {
            Property p = competitorsOnly("Café");
            assertThat(mentioned(p, "Cafe")).hasSize(1);
            assertThat(mentioned(p, "cafe")).isEmpty();
        }

        @Test
        void twoAliasesDifferingOnlyInCaseBothCount() {
            Property p = brandOnly("Harbor Point Lofts", "HPL", "Hpl");
            assertThat(mentioned(p, "HPL, Hpl, hpl")).hasSize(2);
        }
    }

    @Nested
    class Rule5Overlaps {

        @Test
        void theLongestNameAtAPositionWins() {
            AnswerScore s = score(HARBOR, "Dock Yard has the best gym; Dock is smaller.");
            assertThat(s.mentions()).extracting(Mention::entity).containsExactly("Dock Yard", "Dock");
            assertThat(s.competitors()).containsExactly(new EntityRank("Dock Yard", 1), new EntityRank("Dock", 2));
        }

        @Test
        void aLongerAliasOfTheSameEntityCoversTheShorterOne() {
            assertThat(highlighted(HARBOR, "Harbor Point Lofts!")).containsExactly("Harbor Point Lofts");
        }

        @Test
        void theLeftmostMatchWinsOverALongerOneStartingInsideIt() {
            Property p = competitorsOnly("North Park", "Park Tower Lofts");
            assertThat(mentioned(p, "North Park Tower Lofts")).containsExactly("North Park");
        }

        @Test
        void aLongerAliasThatFailsTheCaseRuleDoesNotHideAShorterOne() {
            Property p = property("Harbor Point Lofts", List.of(), List.of(), competitor("Dock"), competitor("Dock-Yard"));
            assertThat(mentioned(p, "Dock-yard")).containsExactly("Dock");
        }

        @Test
        void aLongerAliasThatIsNotAWholeWordDoesNotHideAShorterOne() {
            Property p = competitorsOnly("Dock", "Dock Yard");
            assertThat(mentioned(p, "Dock Yards")).containsExactly("Dock");
        }

        @Test
        void matchesNeverOverlap() {
            Property p = competitorsOnly("A B", "B C");
            assertThat(highlighted(p, "A B C")).containsExactly("A B");
        }
    }

    @Nested
    class Rule6NotInLinks {

        @Test
        void aNameInsideAUrlIsNotAMention() {
            assertThat(mentioned(HARBOR, "See https://example.com/HPL/Pinnacle?ref=The%20Yard")).isEmpty();
        }

        @Test
        void aNameSplitByTheEndOfAUrlIsNotAMention() {
            assertThat(mentioned(HARBOR, "https://maps.example.com/?q=Harbor Point Lofts")).isEmpty();
        }

        @Test
        void aNameInsideABareDomainIsNotAMention() {
            assertThat(mentioned(HARBOR, "Visit HPL.com or Pinnacle.co.uk/floorplans")).isEmpty();
        }

        @Test
        void aNameInsideAnEmailAddressIsNotAMention() {
            assertThat(mentioned(HARBOR, "Write to HPL@gmail.com or leasing@Pinnacle.com")).isEmpty();
        }

        @Test
        void markdownLinkTextIsOrdinaryText() {
            String text = "[The Yard](https://theyardpdx.com) is nearby.";
            AnswerScore s = score(HARBOR, text);
            assertThat(highlighted(HARBOR, text)).containsExactly("The Yard");
            assertThat(s.mentions().get(0).start()).isEqualTo(1);
        }

        @Test
        void aNameRightAfterALinkIsAMention() {
            assertThat(mentioned(HARBOR, "(https://theyardpdx.com) HPL, then https://x.com.HPL")).hasSize(1);
        }

        @Test
        void aWordWithADotThatIsNotADomainIsOrdinaryText() {
            assertThat(mentioned(HARBOR, "e.g. HPL.2 and Pinnacle.5")).containsExactly("Harbor Point Lofts", "Pinnacle");
        }
    }

    @Nested
    class Rule7Rank {

        @Test
        void entitiesAreRankedByTheirFirstMention() {
            AnswerScore s = score(HARBOR, "Dock, then HPL, then The Yard, then Dock and HPL again.");
            assertThat(s.brandRank()).isEqualTo(2);
            assertThat(s.competitors()).containsExactly(new EntityRank("Dock", 1), new EntityRank("The Yard", 3));
        }

        @Test
        void competitorsAreListedInRankOrderNotPropertyOrder() {
            AnswerScore s = score(HARBOR, "Pinnacle, Cosmopolitan, The Yard");
            assertThat(s.competitors()).extracting(EntityRank::name)
                    .containsExactly("Pinnacle", "Cosmopolitan on the Park", "The Yard");
        }

        @Test
        void everyOccurrenceIsAMentionInTextOrder() {
            String text = "HPL and The Yard and HPL";
            AnswerScore s = score(HARBOR, text);
            assertThat(s.mentions()).containsExactly(
                    new Mention("Harbor Point Lofts", true, 0, 3),
                    new Mention("The Yard", false, 8, 16),
                    new Mention("Harbor Point Lofts", true, 21, 24));
        }

        @Test
        void offsetsPointIntoTheOriginalTextAfterSurrogatesAndCollapsedSpaces() {
            String text = "🏠\u00A0\u00A0**Harbor\n\n  Point**";
            assertThat(highlighted(HARBOR, text)).containsExactly("Harbor\n\n  Point");
        }
    }

    @Nested
    class Rule8CitedDomains {

        private List<String> cited(String text, String... citationUrls) {
            List<Citation> citations = java.util.Arrays.stream(citationUrls).map(u -> new Citation(u, null)).toList();
            return new AnswerScorer(HARBOR).score(text, citations).citedDomains();
        }

        @Test
        void citationsGiveTheirRegistrableDomain() {
            assertThat(cited("", "https://news.bbc.co.uk/x", "https://www.Zillow.com/homes", "https://m.yelp.com/biz/a"))
                    .containsExactly("bbc.co.uk", "yelp.com", "zillow.com");
        }

        @Test
        void citationsWithPortsUserInfoAndUpperCaseSchemes() {
            assertThat(cited(null, "HTTPS://WWW.RENT.COM:8443/a", "https://user:pw@portal.example.org/x"))
                    .containsExactly("example.org", "rent.com");
        }

        @Test
        void citationsWithoutARegistrableDomainAreLeftOut() {
            assertThat(cited(null, "http://192.168.0.1/admin", "https://localhost/", "https://co.uk/", "not a url",
                    "mailto:leasing@harborpointlofts.com")).isEmpty();
        }

        @Test
        void aCitationWithoutASchemeStillCounts() {
            assertThat(cited(null, "www.apartments.com/portland")).containsExactly("apartments.com");
        }

        @Test
        void urlsInTheTextCount() {
            assertThat(cited("See https://www.harborpointlofts.com/floorplans. Or HTTP://Rent.Example.co.uk/x!"))
                    .containsExactly("example.co.uk", "harborpointlofts.com");
        }

        @Test
        void bareDomainsWithARealPublicSuffixCount() {
            assertThat(cited("More on Apartments.com, theyardpdx.com and news.bbc.co.uk."))
                    .containsExactly("apartments.com", "bbc.co.uk", "theyardpdx.com");
        }

        @Test
        void dottedWordsWithoutAPublicSuffixAreNotDomains() {
            assertThat(cited("e.g. 3.5 stars, i.e. fine; a.m. and v1.2 and co.uk and Unit.4B")).isEmpty();
        }

        @Test
        void emailAddressesAreNotCitations() {
            assertThat(cited("Email hello@dockmail.com or first.last@sub.theyardpdx.com for tours.")).isEmpty();
        }

        @Test
        void domainsAreSortedWithoutRepeats() {
            assertThat(cited("https://b.example.com and example.com and https://www.yelp.com",
                    "https://example.com/z", "https://yelp.com"))
                    .containsExactly("example.com", "yelp.com");
        }

        @Test
        void domainsInsideMarkdownLinksCount() {
            assertThat(cited("[The Yard](https://theyardpdx.com) and **[Zillow](https://zillow.com/x)**"))
                    .containsExactly("theyardpdx.com", "zillow.com");
        }
    }

    @Nested
    class Rule9BrandCited {

        private final Property property = property("Harbor Point Lofts", List.of(), List.of("https://www.HarborPointLofts.com/"),
                new com.propertyaudit.domain.Competitor("The Yard", List.of(), List.of("theyardpdx.com")));

        private boolean brandCited(String text, String... urls) {
            List<Citation> citations = java.util.Arrays.stream(urls).map(u -> new Citation(u, "t")).toList();
            return new AnswerScorer(property).score(text, citations).brandCited();
        }

        @Test
        void aCitationOnTheBrandsRegistrableDomainCitesTheBrand() {
            assertThat(brandCited(null, "https://portland.harborpointlofts.com/units")).isTrue();
        }

        @Test
        void aUrlOrBareDomainInTheTextCitesTheBrand() {
            assertThat(brandCited("https://harborpointlofts.com/a")).isTrue();
            assertThat(brandCited("See HarborPointLofts.com.")).isTrue();
        }

        @Test
        void aCompetitorsDomainDoesNotCiteTheBrand() {
            assertThat(brandCited("theyardpdx.com", "https://theyardpdx.com")).isFalse();
        }

        @Test
        void anEmailAddressOnTheBrandsDomainDoesNotCiteTheBrand() {
            assertThat(brandCited("Write to leasing@harborpointlofts.com")).isFalse();
        }

        @Test
        void aDomainThatOnlyEndsLikeTheBrandsDoesNotCiteIt() {
            assertThat(brandCited("notharborpointlofts.com")).isFalse();
        }
    }

    @Nested
    class Rule10Score {

        @Test
        void firstRankedAndCitedScores100() {
            assertThat(ScoreFormula.score(1, true)).isEqualTo(100.0);
        }

        @Test
        void citedButNeverNamedScores20() {
            assertThat(ScoreFormula.score(null, true)).isEqualTo(20.0);
        }

        @Test
        void neitherScores0() {
            assertThat(ScoreFormula.score(null, false)).isEqualTo(0.0);
        }

        @Test
        void thirdPlaceIsExactlySixty() {
            assertThat(ScoreFormula.score(3, false)).isEqualTo(60.0);
            assertThat(ScoreFormula.score(3, true)).isEqualTo(80.0);
        }

        @Test
        void halfATenthRoundsUp() {
            assertThat(ScoreFormula.score(8, false)).isEqualTo(53.8);
            assertThat(ScoreFormula.score(16, false)).isEqualTo(51.9);
        }

        @Test
        void everyRankMatchesExactDecimalArithmetic() {
            for (int rank = 1; rank <= 2000; rank++) {
                for (boolean cited : new boolean[] {false, true}) {
                    BigDecimal exact = BigDecimal.valueOf(50 + (cited ? 20 : 0))
                            .add(BigDecimal.valueOf(30).divide(BigDecimal.valueOf(rank), 20, RoundingMode.HALF_UP));
                    double expected = exact.setScale(1, RoundingMode.HALF_UP).doubleValue();
                    assertThat(ScoreFormula.score(rank, cited)).as("rank %d cited %s", rank, cited).isEqualTo(expected);
                }
            }
        }

        @Test
        void theScorerUsesTheFormula() {
            AnswerScore s = new AnswerScorer(HARBOR).score("The Yard, Dock, then HPL.",
                    List.of(new Citation("https://harborpointlofts.com/", null)));
            assertThat(s.brandRank()).isEqualTo(3);
            assertThat(s.score()).isEqualTo(80.0);
        }

        @Test
        void nullOrEmptyTextScoresZeroButKeepsCitations() {
            AnswerScorer scorer = new AnswerScorer(HARBOR);
            for (String text : new String[] {null, ""}) {
                AnswerScore s = scorer.score(text, List.of(new Citation("https://www.harborpointlofts.com/x", null)));
                assertThat(s.mentions()).isEmpty();
                assertThat(s.brandMentioned()).isFalse();
                assertThat(s.citedDomains()).containsExactly("harborpointlofts.com");
                assertThat(s.score()).isEqualTo(20.0);
            }
            assertThat(scorer.score(null, null)).isEqualTo(AnswerScore.EMPTY);
        }

        @Test
        void whiteSpaceOnlyTextScoresZero() {
            assertThat(new AnswerScorer(HARBOR).score(" \n\t ", List.of())).isEqualTo(AnswerScore.EMPTY);
        }
    }
}
