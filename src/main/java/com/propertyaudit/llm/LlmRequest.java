package com.propertyaudit.llm;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import java.util.Objects;

/**
 * One question for one surface.
 *
 * @param system          instructions placed before the question; may be null
 * @param maxOutputTokens upper bound on the answer's length (sent as the field each model expects)
 * @param seed            makes the Simulated provider's answer reproducible; real providers ignore it. Its
 *                        high 32 bits stand for the batch (the Simulated provider's drift between batches)
 * @param subject         the property being audited; only the Simulated provider reads it (to name
 *                        the property and its competitors), real providers never send it
 * @param schema          the structured output the reply must follow, or null for a renter's question
 * @param searchFrom      where a web search should search from (the renter's approximate location), or null
 */
public record LlmRequest(
        Surface surface, String prompt, String system, int maxOutputTokens, long seed, Property subject,
        OutputSchema schema, SearchLocation searchFrom) {

    public LlmRequest {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(prompt, "prompt");
        if (maxOutputTokens < 1) throw new IllegalArgumentException("maxOutputTokens must be positive");
    }

    /** A renter's question: free text, no schema, searching from nowhere in particular. */
    public LlmRequest(Surface surface, String prompt, String system, int maxOutputTokens, long seed, Property subject) {
        this(surface, prompt, system, maxOutputTokens, seed, subject, null, null);
    }

    /** A request for structured output. */
    public LlmRequest(Surface surface, String prompt, String system, int maxOutputTokens, long seed, Property subject,
            OutputSchema schema) {
        this(surface, prompt, system, maxOutputTokens, seed, subject, schema, null);
    }

    /** The same request with another completion budget (asking again after a cut-off). */
    public LlmRequest withMaxOutputTokens(int tokens) {
        return new LlmRequest(surface, prompt, system, tokens, seed, subject, schema, searchFrom);
    }
}
