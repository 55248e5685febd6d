package com.propertyaudit.engine.pacing;

/**
 * What one request counts against a provider's limits, as the providers count it when it arrives:
 * one request, its prompt (estimated) and the most completion tokens it asks for.
 */
public record Cost(long promptTokens, long maxOutputTokens) {

    /** A request whose size does not matter (providers without token limits). */
    public static final Cost ONE = new Cost(0, 0);

    /** About four characters a token, plus the message framing the providers add. */
    public static Cost of(String prompt, String system, int maxOutputTokens) {
        long chars = (prompt == null ? 0 : prompt.length()) + (system == null ? 0 : system.length());
        return new Cost((chars + 3) / 4 + 16, maxOutputTokens);
    }
}
