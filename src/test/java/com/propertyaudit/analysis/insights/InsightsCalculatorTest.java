package com.propertyaudit.analysis.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.propertyaudit.domain.Answer;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.BatchStatus;
import com.propertyaudit.domain.EntityRank;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.RunStatus;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Small batches whose numbers are worked out by hand in the comments. */
class InsightsCalculatorTest {

    static final Property P = Property.named("Harbor Point Lofts").withQueries(List.of(
            new AuditQuery("Harbor Point Lofts reviews", "brand"), new AuditQuery("best lofts", "discovery"),
            new AuditQuery("pet friendly lofts", "amenity")));
    static final Batch BATCH = new Batch(UUID.randomUUID(), P.name(), P, 1, "{}", Instant.parse("2026-11-28T10:00:00Z"),
            null);

    static Run run(String surface, RunStatus status) {
        return new Run(UUID.randomUUID(), BATCH.id(), 2, Surface.parse(surface), status, 3, null, null, null, 0, 0, 0,
                status == RunStatus.FAILED ? "Anthropic rejected the API key (401)." : null);
    }

    static StoredAnswer answer(Run run, int q, int sample, AnswerScore s) {
        return new StoredAnswer(new Answer(q * 10 + sample, run.id(), q, P.queries().get(q).text(), null, sample,
                AnswerOutcome.COMPLETED, "…", List.of(), null, null, "stop", null, null, 100, 1, 1, Instant.EPOCH, List.of()), s);
    }

    static AnswerScore score(Integer brandRank, boolean cited, List<EntityRank> competitors, List<String> domains) {
        double v = brandRank == null ? (cited ? 20 : 0) : 50 + 30.0 / brandRank + (cited ? 20 : 0);
        return new AnswerScore(brandRank != null, brandRank, cited, competitors, domains, Math.round(v * 10) / 10.0,
                List.of());
    }

    static boolean namesBrand(String query) {
        return query.contains("Harbor Point Lofts");
    }

    final Run openai = run("openai:gpt-5", RunStatus.COMPLETED);
    final Run claude = run("anthropic:claude-sonnet-4-6", RunStatus.COMPLETED);

    List<StoredAnswer> twoSurfaces() {
        return List.of(
                // openai: q0 brand 1st + X 2nd (80); q1 X only (0); q2 brand 2nd, cited (85)
                answer(openai, 0, 1, score(1, false, List.of(new EntityRank("X", 2)), List.of())),
                answer(openai, 1, 1, score(null, false, List.of(new EntityRank("X", 1)), List.of())),
                answer(openai, 2, 1, score(2, true, List.of(), List.of("harborpointlofts.com", "yelp.com"))),
                // claude: q0 brand 1st (80), cites yelp; q1 brand 1st (80); q2 Y only (0)
                answer(claude, 0, 1, score(1, false, List.of(), List.of("yelp.com"))),
                answer(claude, 1, 1, score(1, false, List.of(), List.of())),
                answer(claude, 2, 1, score(null, false, List.of(new EntityRank("Y", 1)), List.of())));
    }

    @Test
    void aCompleteTwoSurfaceBatch() {
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, claude), twoSurfaces(),
                InsightsCalculatorTest::namesBrand);
        assertThat(in.batchStatus().status()).isEqualTo(BatchStatus.COMPLETE);
        assertThat(in.batchStatus().message()).isEqualTo("All models complete - insights reflect full cross-model analysis");
        Insights.Summary s = in.summary();
        // brand named in 4 of 6 answers; entities named: brand 4 + X 2 + Y 1 = 7
        assertThat(s.brandMentionRate().percent()).isCloseTo(66.667, within(0.001));
        assertThat(s.brandMentionRate().ci()[0]).isCloseTo(30.0, within(0.1));
        assertThat(s.brandMentionRate().ci()[1]).isCloseTo(90.3, within(0.1));
        assertThat(s.brandMentionRate().directional()).isTrue();
        assertThat(s.brandSOV()).isCloseTo(57.143, within(0.001));
        assertThat(s.topCompetitor()).isEqualTo("X");
        assertThat(s.answers()).isEqualTo(6);
        // visibility: openai (80 + 0 + 85) / 3 = 55.0; claude (80 + 80 + 0) / 3 = 53.3
        assertThat(s.visibility().get("openai:gpt-5").score()).isCloseTo(55.0, within(1e-9));
        assertThat(s.visibility().get("anthropic:claude-sonnet-4-6").score()).isCloseTo(53.333, within(0.001));
        // unbranded: q1, q2 → 4 answers, brand in 2; entities brand 2 + X 1 + Y 1 = 4
        assertThat(s.unbranded().queries()).isEqualTo(2);
        assertThat(s.unbranded().answers()).isEqualTo(4);
        assertThat(s.unbranded().brandMentionRate().percent()).isEqualTo(50.0);
        assertThat(s.unbranded().brandSOV()).isEqualTo(50.0);

        assertThat(in.competitors()).extracting(Insights.CompetitorRow::name).containsExactly("X", "Y");
        Insights.CompetitorRow x = in.competitors().get(0);
        assertThat(x.mentions()).isEqualTo(2);
        assertThat(x.sov()).isCloseTo(28.571, within(0.001));
        assertThat(x.avgRank()).isEqualTo(1.5);
        assertThat(x.bySurface()).containsEntry("openai:gpt-5", 2);

        // yelp cited by 2 answers, harborpointlofts.com by 1: shares 66.7 and 33.3
        assertThat(in.domains()).extracting(Insights.DomainRow::domain).containsExactly("yelp.com", "harborpointlofts.com");
        assertThat(in.domains().get(0).share()).isCloseTo(66.667, within(0.001));

        // q0 both; q1 only claude; q2 only openai → rate 1/3; kappa (1/3 − 5/9) / (4/9) = −0.5
        Insights.Agreement a = in.agreement();
        assertThat(a.queries()).isEqualTo(3);
        assertThat(a.bothMention()).isEqualTo(1);
        assertThat(a.neither()).isZero();
        assertThat(a.onlyBy()).containsEntry("openai:gpt-5", 1).containsEntry("anthropic:claude-sonnet-4-6", 1);
        assertThat(a.rate()).isCloseTo(33.333, within(0.001));
        assertThat(a.kappa()).isCloseTo(-0.5, within(1e-9));
        assertThat(a.disagreements()).extracting(Insights.QueryAgreement::query)
                .containsExactly("best lofts", "pet friendly lofts");
    }

    @Test
    void theJsonHasTheContractsShapeAndRounding() throws Exception {
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, claude), twoSurfaces(),
                InsightsCalculatorTest::namesBrand);
        JsonNode j = new ObjectMapper().readTree(InsightsJson.toJson(in).toString());
        JsonNode contract = new ObjectMapper().readTree("""
                {"batchId": "", "property": "", "createdAt": "",
                 "batchStatus": {"complete": true, "status": "", "message": "",
                   "runs": {"total": 2, "completed": 2, "running": 0, "failed": 0, "cancelled": 0}},
                 "summary": {"brandSOV": 0, "brandMentionRate": 0, "brandMentionRateCI": [0, 0], "topCompetitor": "",
                   "answers": 0, "visibility": {}, "unbranded": {"queries": 0, "answers": 0, "brandSOV": 0,
                   "brandMentionRate": 0, "brandMentionRateCI": [0, 0]}},
                 "competitors": [{"name": "", "mentions": 0, "sov": 0, "avgRank": 0, "bySurface": {}}],
                 "domains": [{"domain": "", "citations": 0, "share": 0, "bySurface": {}}],
                 "agreement": {"queries": 0, "bothMention": 0, "neither": 0, "onlyBy": {}, "rate": 0, "kappa": 0}}
                """);
        assertHasKeys(contract, j, "");
        assertThat(j.at("/summary/brandSOV").asDouble()).isEqualTo(57.1);
        assertThat(j.at("/summary/brandMentionRate").asDouble()).isEqualTo(66.7);
        assertThat(j.at("/summary/visibility/anthropic:claude-sonnet-4-6").asDouble()).isEqualTo(53.3);
        assertThat(j.at("/agreement/kappa").asDouble()).isEqualTo(-0.5);
        assertThat(j.at("/summary/brandMentionRateCI/0").asDouble()).isEqualTo(30.0);
    }

    private static void assertHasKeys(JsonNode contract, JsonNode actual, String path) {
        for (Iterator<String> it = contract.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            assertThat(actual.has(k)).as("%s/%s", path, k).isTrue();
            if (contract.get(k).isObject() && contract.get(k).size() > 0) {
                assertHasKeys(contract.get(k), actual.get(k), path + "/" + k);
            }
            if (contract.get(k).isArray() && contract.get(k).size() > 0 && contract.get(k).get(0).isObject()) {
                assertHasKeys(contract.get(k).get(0), actual.get(k).get(0), path + "/" + k + "[0]");
            }
        }
    }

    @Test
    void partialWhileOneRunIsStillRunning() {
        Run running = run("anthropic:claude-sonnet-4-6", RunStatus.RUNNING);
        List<StoredAnswer> some = new ArrayList<>(twoSurfaces().subList(0, 3));
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, running), some, q -> false);
        assertThat(in.batchStatus().status()).isEqualTo(BatchStatus.PARTIAL);
        assertThat(in.batchStatus().message()).isEqualTo("Some models still running - insights may be partial");
        assertThat(in.batchStatus().running()).isEqualTo(1);
        assertThat(in.agreement().rate()).isNull(); // one surface has answers: nothing to agree on
    }

    @Test
    void incompleteWhenOneRunFailedSaysWhatIsCovered() {
        Run failed = run("anthropic:claude-sonnet-4-6", RunStatus.FAILED);
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, failed), twoSurfaces().subList(0, 3), q -> false);
        assertThat(in.batchStatus().status()).isEqualTo(BatchStatus.INCOMPLETE);
        assertThat(in.batchStatus().message()).contains("1 of 2 models did not complete")
                .contains("401").contains("insights cover openai:gpt-5 only");
        assertThat(in.summary().answers()).isEqualTo(3);
    }

    @Test
    void allFailedAndInterrupted() {
        Run f1 = run("openai:gpt-5", RunStatus.FAILED);
        Run f2 = run("anthropic:claude-sonnet-4-6", RunStatus.FAILED);
        Insights failed = InsightsCalculator.compute(BATCH, List.of(f1, f2), List.of(), q -> false);
        assertThat(failed.batchStatus().status()).isEqualTo(BatchStatus.FAILED);
        assertThat(failed.summary().brandMentionRate().percent()).isNull();
        assertThat(failed.summary().brandSOV()).isNull();

        Run i = run("anthropic:claude-sonnet-4-6", RunStatus.INTERRUPTED);
        Insights interrupted = InsightsCalculator.compute(BATCH, List.of(openai, i), twoSurfaces().subList(0, 3),
                q -> false);
        assertThat(interrupted.batchStatus().status()).isEqualTo(BatchStatus.INTERRUPTED);
        assertThat(interrupted.batchStatus().message()).contains("resume");
    }

    @Test
    void aBatchStoppedByTheUserReadsCancelledWithWhatTheInsightsCover() {
        Run c = run("anthropic:claude-sonnet-4-6", RunStatus.CANCELLED);
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, c), twoSurfaces().subList(0, 3), q -> false);
        assertThat(in.batchStatus().status()).isEqualTo(BatchStatus.CANCELLED);
        int expected = BATCH.snapshot().queries().size() * BATCH.samples() * 2;
        assertThat(in.batchStatus().message()).startsWith("Stopped by you — 3 of " + expected
                + " answers; the insights cover them");

        Run c2 = run("openai:gpt-5", RunStatus.CANCELLED);
        assertThat(BatchStatus.of(List.of(c2.status(), c.status()))).isEqualTo(BatchStatus.CANCELLED);
        // A run that failed by an error makes the batch incomplete or failed, not cancelled.
        assertThat(BatchStatus.of(List.of(RunStatus.CANCELLED, RunStatus.FAILED))).isEqualTo(BatchStatus.FAILED);
        assertThat(BatchStatus.of(List.of(RunStatus.COMPLETED, RunStatus.CANCELLED, RunStatus.FAILED)))
                .isEqualTo(BatchStatus.INCOMPLETE);
    }

    @Test
    void emptyAndFailedAnswers() {
        StoredAnswer empty = answer(openai, 0, 1, AnswerScore.EMPTY);
        StoredAnswer failedAnswer = new StoredAnswer(new Answer(99, openai.id(), 1, "best lofts", null, 1,
                AnswerOutcome.FAILED, null, List.of(), null, null, null, null, "400", 10, 0, 0, Instant.EPOCH, List.of()),
                AnswerScore.EMPTY);
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai), List.of(empty, failedAnswer), q -> false);
        assertThat(in.summary().answers()).isEqualTo(1);
        assertThat(in.summary().outcomes().failed()).isEqualTo(1);
        assertThat(in.summary().outcomes().excluded()).isEqualTo(1);
        assertThat(in.summary().brandMentionRate().percent()).isZero();
        assertThat(in.summary().brandSOV()).isNull(); // no entity named at all
        assertThat(in.summary().visibility().get("openai:gpt-5").score()).isZero();
    }

    static StoredAnswer withOutcome(StoredAnswer a, AnswerOutcome outcome) {
        var x = a.answer();
        return new StoredAnswer(new Answer(x.id(), x.runId(), x.queryIndex(), x.queryText(), x.topic(), x.sample(),
                outcome, x.text(), x.citations(), null, null, "length", "cut off", null, 100, 1, 1, Instant.EPOCH,
                List.of()), a.score());
    }

    @Test
    void cutOffAndEmptyRepliesAreLeftOutAndDoNotLowerVisibilityOrRates() {
        // Two whole answers naming the brand at rank 1 (score 80), and two replies that are not answers.
        StoredAnswer a = answer(openai, 0, 1, score(1, false, List.of(), List.of()));
        StoredAnswer b = answer(openai, 1, 1, score(1, false, List.of(), List.of()));
        StoredAnswer cut = withOutcome(answer(openai, 2, 1, AnswerScore.EMPTY), AnswerOutcome.TRUNCATED);
        StoredAnswer nothing = withOutcome(answer(claude, 2, 1, AnswerScore.EMPTY), AnswerOutcome.EMPTY);
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, claude), List.of(a, b, cut, nothing), q -> false);
        assertThat(in.summary().visibility().get("openai:gpt-5").score()).isEqualTo(80.0);
        assertThat(in.summary().visibility().get("openai:gpt-5").answers()).isEqualTo(2);
        assertThat(in.summary().brandMentionRate().percent()).isEqualTo(100.0);
        assertThat(in.summary().answers()).isEqualTo(2);
        assertThat(in.summary().outcomes().truncated()).isEqualTo(1);
        assertThat(in.summary().outcomes().empty()).isEqualTo(1);
        // Query 3 has no answer from either surface, so it is not an agreement or a disagreement.
        assertThat(in.agreement().perQuery().get(2).complete()).isFalse();
        assertThat(in.agreement().disagreements()).noneMatch(x -> x.queryIndex() == 2);
        assertThat(in.batchStatus().message())
                .endsWith("1 answer cut off at the token limit, 1 reply with no text — excluded");
        assertThat(InsightsJson.toJson(in).get("summary").get("outcomes").get("truncated").asInt()).isEqualTo(1);
    }

    @Test
    void pagesFoundButNotCitedAreCountedApartFromCitations() {
        StoredAnswer a = answer(claude, 0, 1, score(1, false, List.of(), List.of("yelp.com")));
        var x = a.answer();
        StoredAnswer withFound = new StoredAnswer(new Answer(x.id(), x.runId(), x.queryIndex(), x.queryText(), null,
                x.sample(), AnswerOutcome.COMPLETED, "…", List.of(), null, null, "end_turn", null, null, 1, 1, 1,
                Instant.EPOCH, List.of(new com.propertyaudit.domain.Citation("https://www.zillow.com/r", "Rentals"),
                        new com.propertyaudit.domain.Citation("https://www.yelp.com/biz/x", "Yelp"))), a.score());
        Insights in = InsightsCalculator.compute(BATCH, List.of(claude), List.of(withFound), q -> false);
        assertThat(in.domains()).extracting(Insights.DomainRow::domain).containsExactly("yelp.com", "zillow.com");
        // yelp is cited (and found): a citation, not "found, not cited"; zillow was only found.
        assertThat(in.domains().get(0).citations()).isEqualTo(1);
        assertThat(in.domains().get(0).retrievedOnly()).isZero();
        assertThat(in.domains().get(1).citations()).isZero();
        assertThat(in.domains().get(1).retrievedOnly()).isEqualTo(1);
        assertThat(in.domains().get(1).share()).isNull();
    }

    @Test
    void aRefusalCountsAsAnAnswerThatNamesNoOne() {
        StoredAnswer named = answer(openai, 0, 1, score(1, false, List.of(), List.of()));
        StoredAnswer refused = withOutcome(answer(openai, 1, 1, AnswerScore.EMPTY), AnswerOutcome.REFUSED);
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai), List.of(named, refused), q -> false);
        assertThat(in.summary().answers()).isEqualTo(2);
        assertThat(in.summary().brandMentionRate().percent()).isEqualTo(50.0);
        assertThat(in.summary().visibility().get("openai:gpt-5").score()).isEqualTo(40.0);
        assertThat(in.summary().outcomes().excluded()).isZero();
    }

    @Test
    void threeSurfacesUseFleiss() {
        Run gemini = run("simulated:demo", RunStatus.COMPLETED);
        List<StoredAnswer> answers = new ArrayList<>(twoSurfaces());
        answers.add(answer(gemini, 0, 1, score(1, false, List.of(), List.of())));
        answers.add(answer(gemini, 1, 1, score(null, false, List.of(), List.of())));
        answers.add(answer(gemini, 2, 1, score(3, false, List.of(), List.of())));
        Insights in = InsightsCalculator.compute(BATCH, List.of(openai, claude, gemini), answers, q -> false);
        Insights.Agreement a = in.agreement();
        // q0 all yes; q1 (no, yes, no); q2 (yes, no, yes)
        assertThat(a.kappaMethod()).isEqualTo("fleiss");
        assertThat(a.bothMention()).isEqualTo(1);
        assertThat(a.rate()).isCloseTo(33.333, within(0.001));
        assertThat(a.onlyBy()).containsEntry("anthropic:claude-sonnet-4-6", 1);
        // Fleiss by hand: P_i = 1, 1/3, 1/3 → P̄ = 5/9; p_yes = 6/9 → P_e = 4/9 + 1/9 = 5/9 → κ = 0
        assertThat(a.kappa()).isCloseTo(0.0, within(1e-9));
    }

    @Test
    void severalSamplesUseTheMajorityAndReportPerQueryRates() {
        Batch b3 = new Batch(BATCH.id(), P.name(), P, 3, "{}", BATCH.createdAt(), null);
        List<StoredAnswer> answers = List.of(
                answer(openai, 0, 1, score(1, false, List.of(), List.of())),
                answer(openai, 0, 2, score(1, false, List.of(), List.of())),
                answer(openai, 0, 3, score(null, false, List.of(), List.of())),
                answer(claude, 0, 1, score(null, false, List.of(), List.of())),
                answer(claude, 0, 2, score(2, false, List.of(), List.of())),
                answer(claude, 0, 3, score(null, false, List.of(), List.of())));
        Insights in = InsightsCalculator.compute(b3, List.of(openai, claude), answers, q -> false);
        Insights.QueryAgreement q0 = in.agreement().perQuery().get(0);
        // openai 2 of 3 → names the brand; claude 1 of 3 → does not
        assertThat(q0.rates().get("openai:gpt-5").percent()).isCloseTo(66.667, within(0.001));
        assertThat(q0.mentions()).containsEntry("openai:gpt-5", true).containsEntry("anthropic:claude-sonnet-4-6", false);
        assertThat(q0.agree()).isFalse();
        assertThat(in.agreement().queries()).isEqualTo(1); // q1 and q2 have no answers
    }
}
