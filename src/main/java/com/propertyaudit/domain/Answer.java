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
 * @param text         the answer text; may be empty (never null once stored as completed)
 * @param rawRequest   JSON body sent to the provider; never contains a key
 * @param rawResponse  body received, as received (kept even when unreadable)
 * @param note         why a completed answer is empty, e.g. "stop_reason max_tokens with no text"
 * @param error        a user-readable sentence when the status is FAILED
 */
public record Answer(
        long id,
        UUID runId,
        int queryIndex,
        String queryText,
        String topic,
        int sample,
        AnswerStatus status,
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
        Instant receivedAt) {

    public Answer {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(queryText, "queryText");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(receivedAt, "receivedAt");
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    public Answer withId(long newId) {
        return new Answer(newId, runId, queryIndex, queryText, topic, sample, status, text, citations,
                rawRequest, rawResponse, finishReason, note, error, latencyMs, inputTokens, outputTokens,
                receivedAt);
    }
}
