package com.propertyaudit.llm;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import java.util.List;
import java.util.Objects;

/**
 * A reply received over HTTP, read as the provider means it. {@code text} is never null.
 *
 * @param outcome      completed, refused, truncated or empty (a failed request is an {@link LlmException})
 * @param citations    sources the answer's text cites
 * @param retrieved    pages the engine's search found that the text does not cite
 * @param rawRequest   JSON body that was sent, without any key or header
 * @param rawResponse  body received, as received
 * @param finishReason the provider's own word (stop, length, end_turn, max_tokens, incomplete reason …); may be null
 * @param note         what the analyst should know (why it is empty, cut, refused, continued); null when nothing
 * @param attempts     how many HTTP attempts it took (1 when no retry)
 * @param searches     the web searches the engine ran (fan-out), in order; empty without web search
 */
public record LlmResponse(
        AnswerOutcome outcome,
        String text,
        List<Citation> citations,
        List<Citation> retrieved,
        String rawRequest,
        String rawResponse,
        long latencyMs,
        int inputTokens,
        int outputTokens,
        String finishReason,
        String note,
        int attempts,
        List<String> searches) {

    public LlmResponse {
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == AnswerOutcome.FAILED) {
            throw new IllegalArgumentException("A failed request is an LlmException, not a response");
        }
        text = text == null ? "" : text;
        citations = citations == null ? List.of() : List.copyOf(citations);
        retrieved = retrieved == null ? List.of() : List.copyOf(retrieved);
        searches = searches == null ? List.of() : List.copyOf(searches);
    }

    /** A reply that ran no web search. */
    public LlmResponse(AnswerOutcome outcome, String text, List<Citation> citations, List<Citation> retrieved,
            String rawRequest, String rawResponse, long latencyMs, int inputTokens, int outputTokens,
            String finishReason, String note, int attempts) {
        this(outcome, text, citations, retrieved, rawRequest, rawResponse, latencyMs, inputTokens, outputTokens,
                finishReason, note, attempts, List.of());
    }

    /** This reply, having cost also the tokens and time of an earlier reply to the same question. */
    public LlmResponse after(LlmResponse earlier, String why) {
        String joined = note == null ? why : why + " " + note;
        return new LlmResponse(outcome, text, citations, retrieved, rawRequest, rawResponse,
                latencyMs + earlier.latencyMs, inputTokens + earlier.inputTokens, outputTokens + earlier.outputTokens,
                finishReason, joined, attempts + earlier.attempts, searches);
    }
}
