package com.propertyaudit.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One response to one query (one sample) from one surface, as received.
 *
 * @param id           0 until stored
 * @param queryIndex   0-based position of the query in the batch's property snapshot
 * @param sample       1-based sample number
 * @param outcome      what the reply is; only {@link AnswerOutcome#isAnswer() answers} count in the numbers
 * @param text         the answer text; may be empty, and partial when truncated
 * @param citations    sources the answer's text cites
 * @param rawRequest   JSON body sent to the provider; never contains a key
 * @param rawResponse  body received, as received (kept even when unreadable)
 * @param finishReason the provider's own reason (stop, length, end_turn, max_tokens, refusal, an error code …)
 * @param note         what the analyst should know about the reply, e.g. "cut off at the token limit"
 * @param error        a user-readable sentence when the outcome is FAILED
 * @param retrieved    pages the engine's search found that the answer does not cite
 * @param searches     the web searches the engine ran to write it (its fan-out), in order
 * @param searchedFrom the approximate location its web search was sent from ("San Diego, CA, US"), or null
 */
public record Answer(
        long id,
        UUID runId,
        int queryIndex,
        String queryText,
        String topic,
        int sample,
        AnswerOutcome outcome,
        String text,
        List<Citation> citations,
        String rawRequest,
        String rawResponse,
        String finishReason,
        String note,
        String error,
        long latencyMs,
        int inputTokens,
        int outputTokens,
        Instant receivedAt,
        List<Citation> retrieved,
        List<String> searches,
        String searchedFrom) {

    public Answer {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(queryText, "queryText");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
        citations = citations == null ? List.of() : List.copyOf(citations);
        retrieved = retrieved == null ? List.of() : List.copyOf(retrieved);
        searches = searches == null ? List.of() : List.copyOf(searches);
    }

    /** An answer without web search: no searches, no location. */
    public Answer(long id, UUID runId, int queryIndex, String queryText, String topic, int sample,
            AnswerOutcome outcome, String text, List<Citation> citations, String rawRequest, String rawResponse,
            String finishReason, String note, String error, long latencyMs, int inputTokens, int outputTokens,
            Instant receivedAt, List<Citation> retrieved) {
        this(id, runId, queryIndex, queryText, topic, sample, outcome, text, citations, rawRequest, rawResponse,
                finishReason, note, error, latencyMs, inputTokens, outputTokens, receivedAt, retrieved, List.of(), null);
    }

    public Answer withId(long newId) {
        return new Answer(newId, runId, queryIndex, queryText, topic, sample, outcome, text, citations,
                rawRequest, rawResponse, finishReason, note, error, latencyMs, inputTokens, outputTokens,
                receivedAt, retrieved, searches, searchedFrom);
    }
}
