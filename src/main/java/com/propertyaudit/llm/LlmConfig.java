package com.propertyaudit.llm;

import com.propertyaudit.domain.Provider;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to reach the providers. Keys are looked up when a request is made and held nowhere else.
 *
 * @param baseUrls         each remote provider's base URL, without a trailing slash
 * @param requestTimeout   the longest silence while reading a reply (not a bound on the whole call)
 * @param maxAttempts      HTTP attempts per request, the first included
 * @param simulatedLatency mean latency of the Simulated provider, so the offline demo looks like work
 */
public record LlmConfig(
        Map<Provider, String> baseUrls,
        Function<Provider, Optional<String>> keys,
        Duration requestTimeout,
        int maxAttempts,
        Duration simulatedLatency) {

    /** Connect timeout, read timeout and attempts of the official OpenAI and Anthropic SDKs. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(600);
    public static final int DEFAULT_ATTEMPTS = 3;

    public LlmConfig {
        Map<Provider, String> urls = new EnumMap<>(Provider.class);
        for (Provider p : Provider.remote()) {
            String u = baseUrls == null ? null : baseUrls.get(p);
            urls.put(p, trimSlash(u == null || u.isBlank() ? p.defaultBaseUrl() : u));
        }
        baseUrls = Map.copyOf(urls);
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
    }

    /** Base URLs and keys from the environment variables of cli.md. */
    public static LlmConfig fromEnvironment(Map<String, String> env) {
        Map<Provider, String> urls = new EnumMap<>(Provider.class);
        for (Provider p : Provider.remote()) urls.put(p, env.get(p.baseUrlVariable()));
        return new LlmConfig(urls,
                p -> Optional.ofNullable(p.keyVariable() == null ? null : env.get(p.keyVariable()))
                        .filter(k -> !k.isBlank()),
                DEFAULT_READ_TIMEOUT, DEFAULT_ATTEMPTS, Duration.ofMillis(400));
    }

    public String baseUrl(Provider provider) {
        return baseUrls.get(provider);
    }

    /** Base URLs from settings, used where the environment sets none. */
    public LlmConfig withDefaultBaseUrls(Map<Provider, String> fromSettings, Map<String, String> env) {
        Map<Provider, String> urls = new EnumMap<>(Provider.class);
        for (Provider p : Provider.remote()) {
            String fromEnv = env.get(p.baseUrlVariable());
            urls.put(p, fromEnv == null || fromEnv.isBlank() ? fromSettings.get(p) : fromEnv);
        }
        return new LlmConfig(urls, keys, requestTimeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withBaseUrl(Provider provider, String url) {
        Map<Provider, String> urls = new EnumMap<>(baseUrls);
        urls.put(provider, url);
        return new LlmConfig(urls, keys, requestTimeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withKeys(Function<Provider, Optional<String>> newKeys) {
        return new LlmConfig(baseUrls, newKeys, requestTimeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withRequestTimeout(Duration timeout) {
        return new LlmConfig(baseUrls, keys, timeout, maxAttempts, simulatedLatency);
    }

    public LlmConfig withMaxAttempts(int attempts) {
        return new LlmConfig(baseUrls, keys, requestTimeout, attempts, simulatedLatency);
    }

    public LlmConfig withSimulatedLatency(Duration latency) {
        return new LlmConfig(baseUrls, keys, requestTimeout, maxAttempts, latency);
    }

    private static String trimSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) u = u.substring(0, u.length() - 1);
        return u;
    }
}
