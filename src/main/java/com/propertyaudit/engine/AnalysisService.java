package com.propertyaudit.engine;

import com.propertyaudit.analysis.AnswerScorer;
import com.propertyaudit.analysis.ai.AnalysisFailure;
import com.propertyaudit.analysis.ai.AnalysisRecord;
import com.propertyaudit.analysis.ai.AnswerFacts;
import com.propertyaudit.analysis.ai.EntitySentiment;
import com.propertyaudit.analysis.ai.HolisticAnalysis;
import com.propertyaudit.analysis.ai.HolisticRequest;
import com.propertyaudit.analysis.ai.Sentiment;
import com.propertyaudit.analysis.ai.SentimentCounts;
import com.propertyaudit.analysis.ai.SentimentRequest;
import com.propertyaudit.analysis.ai.UnknownEntity;
import com.propertyaudit.analysis.insights.Insights;
import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.AnswerScore;
import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Batch;
import com.propertyaudit.domain.Mention;
import com.propertyaudit.domain.Run;
import com.propertyaudit.domain.StoredAnswer;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.llm.LlmException;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import com.propertyaudit.llm.OutputSchema;
import com.propertyaudit.llm.PriceTable;
import com.propertyaudit.store.AnalysisRepository;
import com.propertyaudit.store.AnswerRepository;
import com.propertyaudit.store.BatchRepository;
import com.propertyaudit.store.PropertyRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * The analysis of a batch whose runs have all ended: phase 2 (the sentiment of each answer towards each
 * entity it names, asked once per answer and entity) and then the holistic cross-model analysis, both
 * with the model of one surface and structured output. A model's failure is stored as a failed
 * attempt with a sentence; it never throws and never touches the batch, its runs or its answers.
 */
public final class AnalysisService {

    /** The completion budget of these analyses (max_completion_tokens / max_output_tokens / max_tokens). */
    public static final int MAX_OUTPUT_TOKENS = 4000;

    /** The batch cannot be analysed as asked (unknown, or runs still in progress); a sentence says why. */
    public static final class NotAnalysable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotAnalysable(String message) {
            super(message);
        }
    }

    private final PropertyRepository properties;
    private final BatchRepository batches;
    private final AnswerRepository answers;
    private final AnalysisRepository analyses;
    private final InsightsService insights;
    private final Function<Surface, LlmClient> clients;
    private final PriceTable prices;
    private final Clock clock;

    public AnalysisService(PropertyRepository properties, BatchRepository batches, AnswerRepository answers, AnalysisRepository analyses,
            InsightsService insights, Function<Surface, LlmClient> clients, PriceTable prices, Clock clock) {
        this.properties = properties;
        this.batches = batches;
        this.answers = answers;
        this.analyses = analyses;
        this.insights = insights;
        this.clients = clients;
        this.prices = prices;
        this.clock = clock;
    }

    /** Runs both analyses and stores the attempt, completed or failed. */
    public AnalysisRecord analyze(UUID batchId, Surface surface) {
        Batch batch = batches.find(batchId).orElseThrow(() -> new NotAnalysable("There is no batch " + batchId + "."));
        List<Run> runs = batches.runs(batchId);
        long open = runs.stream().filter(r -> !r.status().isEnded()).count();
        if (open > 0) {
            throw new NotAnalysable("Batch " + batchId.toString().substring(0, 8) + " still has " + open
                    + " run(s) that have not ended; analyse it once every run has ended (resume an interrupted one first).");
        }
        Cost cost = new Cost(surface);
        try {
            List<StoredAnswer> stored = answers.forBatch(batchId, AnswerRepository.Detail.FULL);
            // Stored scores keep no offsets; the property as it is now also knows competitors tracked since.
            AnswerScorer scorer = new AnswerScorer(properties.findByName(batch.propertyName()).orElse(batch.snapshot()));
            Map<Long, AnswerScore> scores = new HashMap<>();
            for (StoredAnswer a : stored) {
                if (a.answer().outcome().isAnswer()) {
                    scores.put(a.answer().id(), scorer.score(a.answer().text(), a.answer().citations()));
                }
            }
            judgeSentiment(batch, stored, scores, surface, cost);
            HolisticAnalysis result = holistic(batch, runs, stored, scores, surface, cost);
            AnalysisRecord done = new AnalysisRecord(AnalysisRecord.Status.COMPLETED, surface.id(), surface.model(),
                    clock.instant(), result, cost.in, cost.out, cost.usd(), null);
            analyses.save(batchId, done);
            return done;
        } catch (AnalysisFailure | LlmException e) {
            return failed(batchId, surface, cost, e.getMessage());
        } catch (CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return failed(batchId, surface, cost, cause instanceof LlmException ? cause.getMessage()
                    : "The analysis request failed: " + cause.getMessage());
        }
    }

    private AnalysisRecord failed(UUID batchId, Surface surface, Cost cost, String sentence) {
        AnalysisRecord f = new AnalysisRecord(AnalysisRecord.Status.FAILED, surface.id(), surface.model(),
                clock.instant(), null, cost.in, cost.out, cost.usd(), sentence);
        analyses.save(batchId, f);
        return analyses.find(batchId).orElse(f);
    }

    /** Phase 2 for every answer and entity not judged yet; "does not know it" is decided without a model. */
    private void judgeSentiment(Batch batch, List<StoredAnswer> stored, Map<Long, AnswerScore> scores, Surface surface,
            Cost cost) {
        Set<String> judged = new HashSet<>();
        for (EntitySentiment e : analyses.sentiments(batch.id())) judged.add(e.answerId() + "\u0000" + e.entity());
        List<EntitySentiment> unknown = new ArrayList<>();
        List<SentimentRequest.Task> tasks = new ArrayList<>();
        for (StoredAnswer a : stored) {
            if (a.answer().outcome() != AnswerOutcome.COMPLETED) continue;
            Map<String, List<Mention>> byEntity = new HashMap<>();
            for (Mention m : scores.get(a.answer().id()).mentions()) byEntity.computeIfAbsent(m.entity(), k -> new ArrayList<>()).add(m);
            Set<String> ask = new LinkedHashSet<>();
            for (Map.Entry<String, List<Mention>> e : byEntity.entrySet()) {
                if (judged.contains(a.answer().id() + "\u0000" + e.getKey())) continue;
                String sentence = UnknownEntity.sentence(a.answer().text(), e.getValue());
                if (sentence != null) unknown.add(new EntitySentiment(a.answer().id(), e.getKey(), Sentiment.UNKNOWN, sentence));
                else ask.add(e.getKey());
            }
            if (!ask.isEmpty()) tasks.add(new SentimentRequest.Task(a.answer().id(), a.answer().text(), List.copyOf(ask)));
        }
        analyses.saveSentiments(unknown, "rule", clock.instant());
        for (SentimentRequest request : SentimentRequest.chunks(tasks)) {
            String reply = ask(surface, request.system(), request.prompt(),
                    new OutputSchema(SentimentRequest.SCHEMA_NAME, request.schema()), "sentiment analysis", cost);
            analyses.saveSentiments(request.read(reply), surface.id(), clock.instant());
        }
    }

    private HolisticAnalysis holistic(Batch batch, List<Run> runs, List<StoredAnswer> stored,
            Map<Long, AnswerScore> scores, Surface surface, Cost cost) {
        Insights in = insights.insights(batch.id()).orElseThrow();
        Map<UUID, String> surfaceOfRun = new HashMap<>();
        List<String> surfaces = new ArrayList<>();
        for (Run r : runs) {
            surfaceOfRun.put(r.id(), r.surface().id());
            if (!surfaces.contains(r.surface().id())) surfaces.add(r.surface().id());
        }
        List<AnswerFacts> facts = new ArrayList<>();
        for (StoredAnswer a : stored) {
            if (a.answer().outcome().isAnswer()) facts.add(AnswerFacts.of(a, scores.get(a.answer().id()), surfaceOfRun.get(a.answer().runId())));
        }
        List<String> queries = batch.snapshot().queries().stream().map(AuditQuery::text).toList();
        Map<String, SentimentCounts> sentiment = SentimentCounts.byEntity(analyses.sentiments(batch.id()));
        HolisticRequest request = new HolisticRequest(in, batch.snapshot().name(), surfaces, queries, facts, sentiment);
        String reply = ask(surface, request.system(), request.prompt(),
                new OutputSchema(HolisticRequest.SCHEMA_NAME, request.schema()), "analysis", cost);
        return request.read(reply);
    }

    /** One structured request; anything but a completed reply ends the analysis with a sentence. */
    private String ask(Surface surface, String system, String prompt, OutputSchema schema, String what, Cost cost) {
        LlmClient client = clients.apply(surface);
        if (client == null) throw new AnalysisFailure("There is no client for " + surface.id() + ".");
        LlmResponse r = client.ask(new LlmRequest(surface, prompt, system, MAX_OUTPUT_TOKENS, 0, null, schema)).join();
        cost.add(r);
        return switch (r.outcome()) {
            case COMPLETED -> r.text();
            case TRUNCATED -> throw new AnalysisFailure("The " + what + " reply of " + surface.label() + " was cut off at"
                    + " the token limit (" + MAX_OUTPUT_TOKENS + "), so it is not usable; nothing of it was stored.");
            case REFUSED -> throw new AnalysisFailure(surface.label() + " declined the " + what + " request"
                    + (r.note() == null ? "." : ": " + r.note()));
            case EMPTY -> throw new AnalysisFailure(surface.label() + " returned no " + what + " (" + (r.note() == null
                    ? "empty reply" : r.note()) + ").");
            case FAILED -> throw new AnalysisFailure("The " + what + " request failed.");
        };
    }

    /** Tokens and dollars of every request of one analysis. */
    private final class Cost {
        final Surface surface;
        long in;
        long out;

        Cost(Surface surface) {
            this.surface = surface;
        }

        void add(LlmResponse r) {
            in += r.inputTokens();
            out += r.outputTokens();
        }

        double usd() {
            return prices.isKnown(surface) ? prices.costUsd(surface, in, out) : 0;
        }
    }

    /** Rough sizes for the estimate before a run: instructions, an answer's text, the reply. */
    static final int EST_INSTRUCTIONS = 400;
    static final int EST_ANSWER_IN = 700;
    static final int EST_FACTS_PER_ANSWER = 120;
    static final int EST_SENTIMENT_OUT = 600;
    static final int EST_HOLISTIC_OUT = 1500;

    /**
     * About what the analysis of a batch of this many answers costs with this surface: phase 2 in
     * requests of {@link SentimentRequest#ANSWERS_PER_REQUEST} answers, then the holistic request.
     */
    public static double estimateUsd(PriceTable prices, Surface surface, int answers) {
        int requests = (answers + SentimentRequest.ANSWERS_PER_REQUEST - 1) / SentimentRequest.ANSWERS_PER_REQUEST;
        long in = (long) requests * EST_INSTRUCTIONS + (long) answers * EST_ANSWER_IN
                + EST_INSTRUCTIONS + (long) answers * EST_FACTS_PER_ANSWER;
        long out = (long) requests * EST_SENTIMENT_OUT + EST_HOLISTIC_OUT;
        return prices.costUsd(surface, in, out);
    }

    /** What the screens and the CLI read: the stored attempt and the counts of phase 2. */
    public java.util.Optional<AnalysisRecord> latest(UUID batchId) {
        return analyses.find(batchId);
    }

    public Map<String, SentimentCounts> sentiment(UUID batchId) {
        return SentimentCounts.byEntity(analyses.sentiments(batchId));
    }
}
