package com.propertyaudit.engine.pacing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Where the account stands, as one response's headers say: per budget (requests, tokens, and
 * Anthropic's input and output tokens) its limit, what remains and when it resets. OpenAI sends
 * {@code x-ratelimit-limit|remaining|reset-requests|tokens}; Anthropic sends
 * {@code anthropic-ratelimit-requests|tokens|input-tokens|output-tokens-limit|remaining|reset}.
 */
public record RateLimits(List<Budget> budgets) {

    /** What one limit counts: a request is one, tokens count the prompt and the completion asked for. */
    public enum Kind {
        REQUESTS("requests"), TOKENS("tokens"), INPUT_TOKENS("input-tokens"), OUTPUT_TOKENS("output-tokens");

        final String header;

        Kind(String header) {
            this.header = header;
        }

        /** This kind's share of a request's cost. */
        long of(Cost cost) {
            return switch (this) {
                case REQUESTS -> 1;
                case TOKENS -> cost.promptTokens() + cost.maxOutputTokens();
                case INPUT_TOKENS -> cost.promptTokens();
                case OUTPUT_TOKENS -> cost.maxOutputTokens();
            };
        }
    }

    /**
     * One limit: {@code limit} may be unknown (-1); {@code resetIn} is empty when the header gave no
     * usable reset.
     */
    public record Budget(Kind kind, long limit, long remaining, Optional<Duration> resetIn) {}

    public RateLimits {
        budgets = List.copyOf(budgets);
    }

    public boolean isEmpty() {
        return budgets.isEmpty();
    }

    /** The budgets the headers state; a budget without a readable remaining count is left out. */
    public static RateLimits read(Function<String, String> headers, Instant now) {
        List<Budget> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            String[] names = k == Kind.REQUESTS || k == Kind.TOKENS
                    ? new String[] {"x-ratelimit-%s-" + k.header, "anthropic-ratelimit-" + k.header + "-%s"}
                    : new String[] {"anthropic-ratelimit-" + k.header + "-%s"};
            for (String pattern : names) {
                OptionalLong remaining = number(headers.apply(pattern.formatted("remaining")));
                if (remaining.isEmpty()) continue;
                long limit = number(headers.apply(pattern.formatted("limit"))).orElse(-1);
                out.add(new Budget(k, limit, remaining.getAsLong(),
                        ResetTime.parse(headers.apply(pattern.formatted("reset")), now)));
                break;
            }
        }
        return new RateLimits(out);
    }

    private static OptionalLong number(String v) {
        if (v == null) return OptionalLong.empty();
        try {
            return OptionalLong.of(Math.max(0, Math.round(Double.parseDouble(v.strip()))));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
