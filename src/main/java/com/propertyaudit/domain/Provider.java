package com.propertyaudit.domain;

import java.util.Locale;

/**
 * Who answers a surface's queries, with the environment variables that configure it (names only:
 * the values are read by the settings and llm packages).
 */
public enum Provider {
    OPENAI("openai", "OpenAI", "OPENAI_API_KEY", "OPENAI_BASE_URL", "https://api.openai.com/v1", true),
    ANTHROPIC("anthropic", "Anthropic", "ANTHROPIC_API_KEY", "ANTHROPIC_BASE_URL", "https://api.anthropic.com", true),
    GEMINI("gemini", "Gemini", "GEMINI_API_KEY", "GEMINI_BASE_URL", "https://generativelanguage.googleapis.com", true),
    PERPLEXITY("perplexity", "Perplexity", "PERPLEXITY_API_KEY", "PERPLEXITY_BASE_URL", "https://api.perplexity.ai",
            true),
    /** Any OpenAI-compatible server: Ollama, LM Studio, llama.cpp, vLLM; its key is optional. */
    LOCAL("local", "Local", "LOCAL_API_KEY", "LOCAL_BASE_URL", "http://localhost:11434/v1", false),
    SIMULATED("simulated", "Simulated", null, null, null, false);

    private final String id;
    private final String displayName;
    private final String keyVariable;
    private final String baseUrlVariable;
    private final String defaultBaseUrl;
    private final boolean keyRequired;

    Provider(String id, String displayName, String keyVariable, String baseUrlVariable, String defaultBaseUrl,
            boolean keyRequired) {
        this.id = id;
        this.displayName = displayName;
        this.keyVariable = keyVariable;
        this.baseUrlVariable = baseUrlVariable;
        this.defaultBaseUrl = defaultBaseUrl;
        this.keyRequired = keyRequired;
    }

    /** The lower-case name used in surface strings such as {@code openai:gpt-5}. */
    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    /** The environment variable of its API key; null for Simulated. */
    public String keyVariable() {
        return keyVariable;
    }

    /** The environment variable of its base URL; null for Simulated. */
    public String baseUrlVariable() {
        return baseUrlVariable;
    }

    /** Where it is reached unless a base URL is set; null for Simulated. */
    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    /** Whether a run cannot start without a key (a local server usually needs none). */
    public boolean keyRequired() {
        return keyRequired;
    }

    /** The providers reached over HTTP, in the order screens list them. */
    public static java.util.List<Provider> remote() {
        return java.util.List.of(OPENAI, ANTHROPIC, GEMINI, PERPLEXITY, LOCAL);
    }

    public static Provider fromId(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (Provider p : values()) {
            if (p.id.equals(wanted)) return p;
        }
        throw new IllegalArgumentException(
                "Unknown provider '" + id + "': use openai, anthropic, gemini, perplexity, local or simulated.");
    }
}
