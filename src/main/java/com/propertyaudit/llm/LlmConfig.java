package com.propertyaudit.llm;

import com.propertyaudit.domain.Provider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach the providers. Keys are looked up when a request is made and held nowhere else.
 *
 * @param requestTimeout   the longest silence while reading a reply (not a bound on the whole call)
 * @param maxAttempts      HTTP attempts per request, the first included
 * @param simulatedLatency mean latency of the Simulated provider, so the offline demo looks like work
 */
public record LlmConfig(
        String openAiBaseUrl,
        String anthropicBaseUrl,
        Function<Provider, Optional<String>> keys,
        Duration requestTimeout,
        int maxAttempts,
        Duration simulatedLatency) {

    public static final String DEFAULT_OPENAI = "https://api.openai.com/v1";
    public static final String DEFAULT_ANTHROPIC = "https://api.anthropic.com";
    /** Connect timeout, read timeout and attempts of the official OpenAI and Anthropic SDKs. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(600);
    public static final int DEFAULT_ATTEMPTS = 3;

    public LlmConfig {
        openAiBaseUrl = trimSlash(openAiBaseUrl == null || openAiBaseUrl.isBlank() ? DEFAULT_OPENAI : openAiBaseUrl);
        anthropicBaseUrl = trimSlash(anthropicBaseUrl == null || anthropicBaseUrl.isBlank()
                ? DEFAULT_ANTHROPIC : anthropicBaseUrl);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /** Base URLs and keys from the environment variables of cli.md. */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        return new LlmConfig(env.get("OPENAI_BASE_URL"), env.get("ANTHROPIC_BASE_URL"),
                p -> Optional.ofNullable(switch (p) {
                    case OPENAI -> env.get("OPENAI_API_KEY");
                    case ANTHROPIC -> env.get("ANTHROPIC_API_KEY");
                    case SIMULATED -> null;
                }).filter(k -> !k.isBlank()),
                DEFAULT_READ_TIMEOUT, DEFAULT_ATTEMPTS, Duration.ofMillis(400));
    }

    /** Base URLs from settings, used where the environment sets none. */
    public LlmConfig withDefaultBaseUrls(String openAi, String anthropic, Map<String, String> env) {
        String o = blank(env.get("OPENAI_BASE_URL")) ? openAi : env.get("OPENAI_BASE_URL");
        String a = blank(env.get("ANTHROPIC_BASE_URL")) ? anthropic : env.get("ANTHROPIC_BASE_URL");
        return new LlmConfig(o, a, keys, requestTimeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withKeys(Function<Provider, Optional<String>> newKeys) {
        return new LlmConfig(openAiBaseUrl, anthropicBaseUrl, newKeys, requestTimeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withRequestTimeout(Duration timeout) {
        return new LlmConfig(openAiBaseUrl, anthropicBaseUrl, keys, timeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withSimulatedLatency(Duration latency) {
        return new LlmConfig(openAiBaseUrl, anthropicBaseUrl, keys, requestTimeout, maxAttempts, latency);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }
}
