package com.propertyaudit.llm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Sends one request to a provider asynchronously, retrying as {@link RetryPolicy} says, without
 * holding a thread while waiting. Knows no provider's JSON: a {@link Classifier} turns a final
 * error response into the provider's sentence.
 */
final class HttpExchange {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpExchange.class);

    /** A 2xx response as received. */
    record Reply(int code, String body, int attempts) {}

    /** Provider-specific reading of error responses. */
    interface Classifier {
        /** True for a 429 that waiting will not fix (no quota, spend limit). */
        boolean isQuotaExhausted(int code, String body);

        /** A wait the provider puts in the error body (Gemini's RetryInfo), when its headers give none. */
        default Optional<Duration> advisedWait(int code, String body) {
            return Optional.empty();
        }

        /** The exception for a final error response; {@code headers} reads the response's headers. */
        LlmException failure(int code, String body, String rawRequest, Function<String, String> headers);
    }

    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final ProviderThrottle throttle;
    private final int maxAttempts;
    private final String providerName;
    private final RateLimitObserver observer;

    HttpExchange(OkHttpClient http, ScheduledExecutorService timer, ProviderThrottle throttle, int maxAttempts,
            String providerName, RateLimitObserver observer) {
        this.http = http;
        this.timer = timer;
        this.throttle = throttle;
        this.maxAttempts = maxAttempts;
        this.providerName = providerName;
        this.observer = observer;
    }

    CompletableFuture<Reply> send(Request request, String rawRequest, Classifier classifier) {
        Attempts a = new Attempts(request, rawRequest, classifier);
        a.result.whenComplete((r, e) -> {
            if (a.result.isCancelled()) a.cancel();
        });
        a.schedule(throttle.remaining());
        return a.result;
    }

    /** {@code sent} read by {@code parse}; cancelling the result cancels the call and its pending retries too. */
    static <T> CompletableFuture<T> map(CompletableFuture<Reply> sent, Function<Reply, T> parse) {
        CompletableFuture<T> out = sent.thenApply(parse);
        out.whenComplete((r, e) -> {
            if (out.isCancelled()) sent.cancel(true);
        });
        return out;
    }

    /** The state of one request across its attempts. */
    private final class Attempts {
        final CompletableFuture<Reply> result = new CompletableFuture<>();
        final Request request;
        final String rawRequest;
        final Classifier classifier;
        final AtomicReference<Call> call = new AtomicReference<>();
        final AtomicReference<ScheduledFuture<?>> pending = new AtomicReference<>();
        int attempts;

        Attempts(Request request, String rawRequest, Classifier classifier) {
            this.request = request;
            this.rawRequest = rawRequest;
            this.classifier = classifier;
        }

        void schedule(Duration wait) {
            if (result.isDone()) return;
            if (wait.isZero()) {
                attempt();
            } else {
                pending.set(timer.schedule(this::attempt, wait.toMillis(), TimeUnit.MILLISECONDS));
            }
        }

        void attempt() {
            if (result.isDone()) return;
            // Another request may have been told to hold the provider back meanwhile.
            Duration hold = throttle.remaining();
            if (!hold.isZero()) {
                pending.set(timer.schedule(this::attempt, hold.toMillis(), TimeUnit.MILLISECONDS));
                return;
            }
            attempts++;
            long ticket = observer.sending();
            Call c = http.newCall(request);
            call.set(c);
            c.enqueue(new Callback() {
                @Override
                public void onResponse(Call c, Response response) {
                    String body;
                    try (response) {
                        ResponseBody rb = response.body();
                        body = rb == null ? "" : rb.string();
                    } catch (IOException e) {
                        // The body broke off or timed out: a transport failure, retried as such.
                        onFailure(c, e);
                        return;
                    }
                    observe(ticket, response);
                    handle(response, body);
                }

                @Override
                public void onFailure(Call c, IOException e) {
                    observeNoResponse(ticket);
                    // Not c.isCanceled(): OkHttp's call timeout cancels the call too, and that must retry.
                    if (result.isDone()) return;
                    boolean timeout = e instanceof InterruptedIOException;
                    if (attempts < maxAttempts) {
                        schedule(RetryPolicy.backoff(attempts, ThreadLocalRandom.current().nextDouble()));
                        return;
                    }
                    result.completeExceptionally(timeout
                            ? new LlmException(LlmException.Kind.TIMEOUT, providerName + " did not answer within the"
                                    + " request timeout (" + attempts + " attempts). Try again later or raise the timeout"
                                    + " in Settings.", 0, rawRequest, null, e)
                            : new LlmException(LlmException.Kind.NETWORK, providerName + " could not be reached ("
                                    + e.getMessage() + ") after " + attempts + " attempts. Check the network and the"
                                    + " base URL in Settings.", 0, rawRequest, null, e));
                }
            });
        }

        void handle(Response response, String body) {
            int code = response.code();
            if (response.isSuccessful()) {
                result.complete(new Reply(code, body, attempts));
                return;
            }
            boolean retry = RetryPolicy.retryableStatus(code) && !classifier.isQuotaExhausted(code, body);
            retry = RetryPolicy.shouldRetryHeader(response::header).orElse(retry);
            if (retry && attempts < maxAttempts) {
                Duration advised = RetryPolicy.advisedWait(response::header, Instant.now())
                        .or(() -> classifier.advisedWait(code, body)).orElse(null);
                if (advised != null && advised.compareTo(RetryPolicy.MAX_ADVISED) > 0) {
                    result.completeExceptionally(new LlmException(LlmException.Kind.ASKED_TO_WAIT, "The provider asked"
                            + " to wait " + advised.toSeconds() + " s before the next request (" + providerName + ", HTTP "
                            + code + "); PropertyAudit waits at most " + RetryPolicy.MAX_ADVISED.toSeconds() + " s, so"
                            + " this answer was not asked again. Resume the batch later to ask for what is missing.",
                            code, rawRequest, body, null));
                    return;
                }
                Duration wait = advised != null ? advised
                        : RetryPolicy.backoff(attempts, ThreadLocalRandom.current().nextDouble());
                // A wait the provider asks for holds back all its requests, not only this one.
                if (advised != null || code == 429) throttle.pause(wait);
                schedule(wait);
                return;
            }
            result.completeExceptionally(classifier.failure(code, body, rawRequest, response::header));
        }

        /** Pacing hears every response, 429s included; whatever it makes of them, the answer stays as it is. */
        void observe(long ticket, Response response) {
            try {
                observer.observe(ticket, response.code(), response::header);
            } catch (RuntimeException e) {
                LOG.warn("{}: pacing could not take in a response: {}", providerName, e.toString());
            }
        }

        /** The request ended without a response (status 0 for pacing). */
        void observeNoResponse(long ticket) {
            try {
                observer.observe(ticket, 0, name -> null);
            } catch (RuntimeException e) {
                LOG.warn("{}: pacing could not take in a failed request: {}", providerName, e.toString());
            }
        }

        void cancel() {
            ScheduledFuture<?> p = pending.get();
            if (p != null) p.cancel(false);
            Call c = call.get();
            if (c != null) c.cancel();
        }
    }
}
