package com.propertyaudit.llm;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Asks one surface one question. Implementations retry transient failures themselves
 * (backoff with jitter, honouring retry-after) and hold back the whole provider after a 429.
 *
 * <p>The returned future completes with the reply read as the provider means it (completed,
 * refused, truncated or empty), or exceptionally with an {@link LlmException} that says whether
 * the failure ends just this answer or the whole run. Cancelling the future cancels the HTTP call
 * in flight.
 */
public interface LlmClient {

    CompletableFuture<LlmResponse> ask(LlmRequest request);

    /** The model ids the provider offers to this key, as its model list says. */
    CompletableFuture<List<String>> models();
}
