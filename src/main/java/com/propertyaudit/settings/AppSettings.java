package com.propertyaudit.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.propertyaudit.domain.Provider;
import java.util.List;
import java.util.Map;

/**
 * What the analyst sets once: endpoints, default surfaces, limits, prices and looks. Never a key:
 * keys live in the environment or the OS keychain ({@link ApiKeys}).
 *
 * @param concurrency requests in flight per provider: {@link #AUTO}, or a fixed cap from 1 to 64. Stored as
 *                 {@code requestsInFlight}: the fixed 8 that earlier versions wrote as {@code concurrency}
 *                 is not read back, so those settings move to Auto, the new default
 * @param prices   USD per million tokens by model prefix, [input, output]; overrides the built-in table
 * @param baseUrls base URLs of the providers added after OpenAI and Anthropic, by provider id
 *                 ({@code gemini}, {@code perplexity}, {@code local}); OpenAI's and Anthropic's keep their
 *                 own fields so settings files written before stay valid
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSettings(
        String openAiBaseUrl,
        String anthropicBaseUrl,
        List<String> defaultSurfaces,
        @JsonProperty("requestsInFlight") int concurrency,
        int requestTimeoutSeconds,
        int samples,
        String theme,
        Map<String, List<Double>> prices,
        WindowBounds window,
        boolean keysNoteDismissed,
        String lastExportFolder,
        Map<String, String> baseUrls,
        Analysis analysis) {

    /** Requests in flight per provider found from its rate-limit headers (the default). */
    public static final int AUTO = 0;

    public static final String DEFAULT_OPENAI_BASE_URL = "https://api.openai.com/v1";
    public static final String DEFAULT_ANTHROPIC_BASE_URL = "https://api.anthropic.com";

    public AppSettings {
        openAiBaseUrl = blankToNull(openAiBaseUrl);
        anthropicBaseUrl = blankToNull(anthropicBaseUrl);
        defaultSurfaces = defaultSurfaces == null || defaultSurfaces.isEmpty()
                ? List.of("openai:gpt-5-mini", "anthropic:claude-sonnet-4-6") : List.copyOf(defaultSurfaces);
        concurrency = concurrency <= 0 ? AUTO : Math.min(concurrency, 64);
        requestTimeoutSeconds = requestTimeoutSeconds <= 0 ? 600 : requestTimeoutSeconds;
        samples = samples <= 0 ? 1 : samples;
        theme = "dark".equals(theme) ? "dark" : "light";
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        Map<String, String> urls = new java.util.TreeMap<>();
        if (baseUrls != null) baseUrls.forEach((k, v) -> {
            if (k != null && blankToNull(v) != null) urls.put(k, v.strip());
        });
        baseUrls = Map.copyOf(urls);
        analysis = analysis == null ? Analysis.NONE : analysis;
    }

    /**
     * The holistic analysis: which surface's model writes it (null: none), and whether it runs by
     * itself once every run of a batch has ended.
     */
    public record Analysis(String surface, boolean afterEachBatch) {

        public static final Analysis NONE = new Analysis(null, false);

        public Analysis {
            surface = surface == null || surface.isBlank() ? null : surface.strip();
            afterEachBatch = afterEachBatch && surface != null;
        }
    }

    public AppSettings withAnalysis(Analysis a) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, theme, prices, window, keysNoteDismissed, lastExportFolder, baseUrls, a);
    }

    public static AppSettings defaults() {
        return new AppSettings(null, null, null, 0, 0, 0, null, null, null, false, null, null, null);
    }

    /** Where the window was; null until it has been closed once. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {}

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, theme, prices, w, keysNoteDismissed, lastExportFolder, baseUrls, analysis);
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, t, prices, window, keysNoteDismissed, lastExportFolder, baseUrls, analysis);
    }

    public AppSettings withKeysNoteDismissed(boolean dismissed) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, theme, prices, window, dismissed, lastExportFolder, baseUrls, analysis);
    }

    public AppSettings withLastExportFolder(String folder) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, theme, prices, window, keysNoteDismissed, folder, baseUrls, analysis);
    }

    public AppSettings withConnection(String openAi, String anthropic, List<String> surfaces, int newConcurrency,
            int timeoutSeconds, int newSamples) {
        return new AppSettings(openAi, anthropic, surfaces, newConcurrency, timeoutSeconds, newSamples, theme, prices,
                window, keysNoteDismissed, lastExportFolder, baseUrls, analysis);
    }

    public AppSettings withPrices(Map<String, List<Double>> newPrices) {
        return new AppSettings(openAiBaseUrl, anthropicBaseUrl, defaultSurfaces, concurrency, requestTimeoutSeconds,
                samples, theme, newPrices, window, keysNoteDismissed, lastExportFolder, baseUrls, analysis);
    }

    /** The base URL set here for a provider, or null to use the environment or the default. */
    public String baseUrl(Provider provider) {
        return switch (provider) {
            case OPENAI -> openAiBaseUrl;
            case ANTHROPIC -> anthropicBaseUrl;
            default -> baseUrls.get(provider.id());
        };
    }

    /** These settings with every remote provider's base URL as given (blank: the default). */
    public AppSettings withBaseUrls(Map<Provider, String> urls) {
        Map<String, String> others = new java.util.TreeMap<>();
        urls.forEach((p, u) -> {
            if (p != Provider.OPENAI && p != Provider.ANTHROPIC && u != null) others.put(p.id(), u);
        });
        return new AppSettings(urls.get(Provider.OPENAI), urls.get(Provider.ANTHROPIC), defaultSurfaces, concurrency,
                requestTimeoutSeconds, samples, theme, prices, window, keysNoteDismissed, lastExportFolder, others, analysis);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
