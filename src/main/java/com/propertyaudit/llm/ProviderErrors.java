package com.propertyaudit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns a provider's final error response into the kind of failure and the sentence the analyst
 * needs: the provider's own special cases first, then the rules every provider shares.
 */
abstract class ProviderErrors implements HttpExchange.Classifier {

    /** The error's message, type and code as the provider's envelope gives them; each may be empty. */
    record ErrorBody(String message, String type, String code) {}

    final String provider;
    final String keyVariable;

    ProviderErrors(String provider, String keyVariable) {
        this.provider = provider;
        this.keyVariable = keyVariable;
    }

    /** The provider's envelope read; empty strings when the body is not the expected JSON. */
    ErrorBody read(String body) {
        JsonNode e = JsonReplies.errorObject(body);
        return new ErrorBody(e.path("message").isTextual() ? e.path("message").asText() : "",
                e.path("type").asText(""), e.path("code").isTextual() ? e.path("code").asText() : "");
    }

    /** A failure only this provider has, or null to apply the shared rules. */
    abstract LlmException specific(int code, ErrorBody e, String body, String rawRequest);

    @Override
    public LlmException failure(int code, String body, String rawRequest, Function<String, String> headers) {
        ErrorBody e = read(body);
        LlmException special = specific(code, e, body, rawRequest);
        if (special != null) return special;
        String detail = !e.message().isEmpty() ? e.message() : htmlTitle(body).map(t -> "an HTML error page: " + t)
                .orElseGet(() -> OpenAiClient.shorten(body));
        String tag = e.code().isEmpty() ? e.type() : e.code();
        String status = code + (tag.isEmpty() ? "" : " " + tag);
        LlmException.Kind kind;
        String sentence;
        if (code == 401 || code == 403) {
            kind = LlmException.Kind.AUTH;
            sentence = provider + " rejected the API key (" + status + "). Set a valid " + keyVariable
                    + " or enter the key in Settings.";
        } else if (isQuotaExhausted(code, body)) {
            kind = LlmException.Kind.QUOTA;
            sentence = provider + " refuses more requests on this account (" + status + ": " + detail + "). Check the"
                    + " plan, billing and spend limit of the account whose key is in " + keyVariable + ".";
        } else if (RetryPolicy.retryableStatus(code)) {
            kind = LlmException.Kind.RETRIES_EXHAUSTED;
            sentence = RetryPolicy.shouldRetryHeader(headers).orElse(true)
                    ? provider + " kept failing (" + status + "): " + detail
                    : provider + " failed (" + status + ") and declined a retry (x-should-retry: false): " + detail;
        } else {
            kind = LlmException.Kind.BAD_REQUEST;
            sentence = provider + " rejected the request (" + status + "): " + detail;
        }
        return new LlmException(kind, sentence, code, rawRequest, body, null);
    }

    /** A gateway's HTML error page says its title and nothing else worth repeating. */
    static Optional<String> htmlTitle(String body) {
        if (body == null || !body.stripLeading().startsWith("<")) return Optional.empty();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?is)<title>(.*?)</title>").matcher(body);
        return Optional.of(m.find() ? m.group(1).strip() : "no title");
    }

    /** The failure for a model that does not exist for this key or was retired: it stops the run. */
    LlmException modelUnavailable(int code, ErrorBody e, String body, String rawRequest) {
        String model = JsonReplies.textField(rawRequest, "model");
        return new LlmException(LlmException.Kind.MODEL_UNAVAILABLE, provider + " has no model '" + model + "' for"
                + " this key (" + code + (e.message().isEmpty() ? "" : ": " + e.message()) + "); it may be retired or"
                + " misspelt. Choose a model from the provider's list in Settings, or another --surface.", code,
                rawRequest, body, null);
    }
}
