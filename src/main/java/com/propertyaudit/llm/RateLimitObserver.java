package com.propertyaudit.llm;

import java.util.function.Function;

/**
 * Hears every response a provider sends, 429s included, with its headers, so that pacing can
 * follow the account's rate limits. It learns; it never changes what counts as an answer.
 */
public interface RateLimitObserver {

    /** For providers nobody paces. */
    RateLimitObserver NONE = new RateLimitObserver() {
        @Override
        public long sending() {
            return 0;
        }

        @Override
        public void observe(long ticket, int status, Function<String, String> headers) {}
    };

    /** A request is being sent now; the returned ticket comes back with its response. */
    long sending();

    /**
     * The request of {@code ticket} ended: with a response's status and headers, or with status 0
     * and no headers when no response came (network failure, timeout, cancel).
     */
    void observe(long ticket, int status, Function<String, String> headers);
}
