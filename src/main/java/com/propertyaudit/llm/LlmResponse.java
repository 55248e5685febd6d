package com.propertyaudit.llm;

import com.propertyaudit.domain.Citation;
import java.util.List;

/**
 * A received answer. {@code text} is never null (an empty answer is "" with a {@code note} saying why).
 *
 * @param rawRequest   JSON body that was sent, without any key or header
 * @param rawResponse  body received, as received
 * @param finishReason the provider's own word (stop, length, end_turn, max_tokens …); may be null
 * @param note         why the text is empty or cut, for the analyst; null when nothing to say
 * @param attempts     how many HTTP attempts it took (1 when no retry)
 */
public record LlmResponse(
        String text,
        List<Citation> citations,
        String rawRequest,
        String rawResponse,
        long latencyMs,
        int inputTokens,
        int outputTokens,
        String finishReason,
        String note,
        int attempts) {

    public LlmResponse {
        text = text == null ? "" : text;
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
