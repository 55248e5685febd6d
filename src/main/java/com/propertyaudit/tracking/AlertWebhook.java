package com.propertyaudit.tracking;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Posts an alert to a Slack-compatible incoming webhook: one POST, five seconds at most, no retry,
 * so a slow or broken receiver can neither hold up a batch nor be flooded. The URL is a secret (a
 * Slack webhook URL is its own credential): messages name only its host.
 */
public final class AlertWebhook {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final Duration timeout;

    public AlertWebhook() {
        this(TIMEOUT);
    }

    AlertWebhook(Duration timeout) {
        this.timeout = timeout;
        this.http = new OkHttpClient.Builder()
                .callTimeout(timeout)
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .build();
    }

    /** Sends the body; empty when the receiver took it, else a sentence saying what went wrong. */
    public Optional<String> post(String url, ObjectNode body) {
        HttpUrl target = HttpUrl.parse(url);
        if (target == null) {
            return Optional.of("The alert webhook is not a web address: set " + com.propertyaudit.settings.AlertSettings.VARIABLE
                    + " or the Portfolio's webhook to an http(s) URL.");
        }
        String where = "The alert webhook at " + target.host();
        Request request = new Request.Builder().url(target).post(RequestBody.create(body.toString(), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            if (response.isSuccessful()) return Optional.empty();
            return Optional.of(where + " answered HTTP " + response.code() + "; the alert was not delivered (no retry).");
        } catch (InterruptedIOException e) {
            String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " seconds" : timeout.toMillis() + " ms";
            return Optional.of(where + " did not answer within " + limit + "; the alert was not delivered (no retry).");
        } catch (IOException e) {
            return Optional.of(where + " could not be reached (" + e.getClass().getSimpleName()
                    + "); the alert was not delivered (no retry).");
        }
    }

    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
