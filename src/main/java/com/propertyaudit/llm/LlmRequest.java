package com.propertyaudit.llm;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import java.util.Objects;

/**
 * One question for one surface.
 *
 * @param system          instructions placed before the question; may be null
 * @param maxOutputTokens upper bound on the answer's length (sent as the field each model expects)
 * @param seed            makes the Simulated provider's answer reproducible; real providers ignore it
 * @param subject         the property being audited; only the Simulated provider reads it (to name
 *                        the property and its competitors), real providers never send it
 */
public record LlmRequest(
        Surface surface, String prompt, String system, int maxOutputTokens, long seed, Property subject) {

    public LlmRequest {
        Objects.requireNonNull(surface, "surface");
        Objects.requireNonNull(prompt, "prompt");
        if (maxOutputTokens < 1) throw new IllegalArgumentException("maxOutputTokens must be positive");
    }
}
