package com.propertyaudit.llm;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * USD per million tokens by model name prefix; the longest matching prefix wins, so
 * {@code gpt-5-mini} is not priced as {@code gpt-5}. Defaults are the providers' published
 * prices (see shared/contracts/llm-wire-formats.md §7); Settings can override any row.
 */
public final class PriceTable {

    /** Input and output price in USD per million tokens. */
    public record Price(double inputPerMillion, double outputPerMillion) {}

    private final Map<String, Price> byPrefix;

    private PriceTable(Map<String, Price> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    public static PriceTable defaults() {
        Map<String, Price> m = new LinkedHashMap<>();
        m.put("gpt-5", new Price(1.25, 10));
        m.put("gpt-5-mini", new Price(0.25, 2));
        m.put("gpt-5-nano", new Price(0.05, 0.40));
        m.put("gpt-5.1", new Price(1.25, 10));
        m.put("gpt-5.4", new Price(2.50, 15));
        m.put("gpt-5.4-mini", new Price(0.75, 4.50));
        m.put("gpt-5.4-nano", new Price(0.20, 1.25));
        m.put("gpt-5.5", new Price(5, 30));
        m.put("gpt-4.1", new Price(2, 8));
        m.put("gpt-4.1-mini", new Price(0.40, 1.60));
        m.put("gpt-4.1-nano", new Price(0.10, 0.40));
        m.put("gpt-4o", new Price(2.50, 10));
        m.put("gpt-4o-mini", new Price(0.15, 0.60));
        m.put("o3", new Price(2, 8));
        m.put("o4-mini", new Price(1.10, 4.40));
        m.put("claude-sonnet-4", new Price(3, 15));
        m.put("claude-haiku-4", new Price(1, 5));
        m.put("claude-opus-4-5", new Price(5, 25));
        m.put("claude-opus-4-6", new Price(5, 25));
        m.put("claude-opus-4-7", new Price(5, 25));
        m.put("claude-opus-5", new Price(5, 25));
        m.put("claude-opus-4-1", new Price(15, 75));
        m.put("gemini-2.5-flash", new Price(0.30, 2.50));
        m.put("gemini-2.5-pro", new Price(1.25, 10));
        m.put("gemini-3.1-pro", new Price(2, 12));
        m.put("gemini-3.5-flash", new Price(1.50, 9));
        m.put("sonar", new Price(1, 1));
        m.put("sonar-pro", new Price(3, 15));
        m.put("sonar-reasoning-pro", new Price(2, 8));
        m.put("sonar-deep-research", new Price(2, 8));
        return new PriceTable(m);
    }

    /**
     * USD per request on top of tokens, where the provider charges one for its search: Perplexity's
     * request fee at the low search context size, and Gemini's price per grounded prompt with Google
     * Search (after the free daily allowance), from shared/contracts/llm-wire-formats.md §4 and §7.
     */
    public double requestFeeUsd(Surface surface) {
        String m = surface.model();
        return switch (surface.provider()) {
            case PERPLEXITY -> m.startsWith("sonar-pro") || m.startsWith("sonar-reasoning") ? 0.006 : 0.005;
            case GEMINI -> !surface.webSearch() ? 0 : m.startsWith("gemini-2") ? 0.035 : 0.014;
            default -> 0;
        };
    }

    /** This table with rows from settings ({@code prefix -> [input, output]}) added or replaced. */
    public PriceTable withOverrides(Map<String, List<Double>> overrides) {
        Map<String, Price> m = new LinkedHashMap<>(byPrefix);
        overrides.forEach((prefix, p) -> {
            if (p != null && p.size() == 2 && p.get(0) != null && p.get(1) != null) {
                m.put(prefix, new Price(p.get(0), p.get(1)));
            }
        });
        return new PriceTable(m);
    }

    public Map<String, Price> rows() {
        return byPrefix;
    }

    /** The price of a model, or null when no prefix matches. Simulated surfaces and local servers are free. */
    public Price priceOf(Surface surface) {
        if (surface.provider() == Provider.SIMULATED || surface.provider() == Provider.LOCAL) return new Price(0, 0);
        String best = null;
        for (String prefix : byPrefix.keySet()) {
            if (surface.model().startsWith(prefix) && (best == null || prefix.length() > best.length())) best = prefix;
        }
        return best == null ? null : byPrefix.get(best);
    }

    public boolean isKnown(Surface surface) {
        return priceOf(surface) != null;
    }

    /** Cost of these tokens; 0 for a model without a price (the screens say the price is unknown). */
    public double costUsd(Surface surface, long inputTokens, long outputTokens) {
        Price p = priceOf(surface);
        if (p == null) return 0;
        return (inputTokens * p.inputPerMillion() + outputTokens * p.outputPerMillion()) / 1_000_000.0;
    }
}
