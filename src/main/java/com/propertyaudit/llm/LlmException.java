package com.propertyaudit.llm;

/**
 * A request that did not give an answer. The message is a sentence the analyst can act on and
 * never contains a key.
 */
public class LlmException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, which decides whether only the answer or the whole run fails. */
    public enum Kind {
        /** 401/403: the key is wrong or lacks access. Fails the run. */
        AUTH(true),
        /** 429 insufficient_quota / spend limit: not retried. Fails the run. */
        QUOTA(true),
        /** No key configured for the provider. Fails the run. */
        MISSING_KEY(true),
        /** 404: the model does not exist for this key, or was retired. Fails the run. */
        MODEL_UNAVAILABLE(true),
        /** 403: the provider does not serve the region the request comes from. Fails the run. */
        REGION(true),
        /** 400 and other 4xx: the provider rejected this request. Fails the answer. */
        BAD_REQUEST(false),
        /** The body could not be read as the provider's JSON. Fails the answer; raw body kept. */
        UNREADABLE(false),
        /** A 200 whose reply says it failed ({@code status: "failed"} with an error). Fails the answer. */
        PROVIDER_FAILED(false),
        /** The provider asked to wait longer than we wait (retry-after over 120 s). Fails the answer. */
        ASKED_TO_WAIT(false),
        /** 408/409/429/5xx/529 still failing after the last attempt. Fails the answer. */
        RETRIES_EXHAUSTED(false),
        /** No response within the per-request timeout (after retries). Fails the answer. */
        TIMEOUT(false),
        /** Connection refused, DNS, reset … after retries. Fails the answer. */
        NETWORK(false),
        /** Cancelled by the user. */
        CANCELLED(false);

        private final boolean failsRun;

        Kind(boolean failsRun) {
            this.failsRun = failsRun;
        }

        public boolean failsRun() {
            return failsRun;
        }
    }

    private final Kind kind;
    private final int httpStatus;
    private final String rawRequest;
    private final String rawResponse;

    public LlmException(Kind kind, String message, int httpStatus, String rawRequest, String rawResponse,
            Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.rawRequest = rawRequest;
        this.rawResponse = rawResponse;
    }

    public LlmException(Kind kind, String message) {
        this(kind, message, 0, null, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** 0 when no HTTP response was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** JSON body sent (no key), or null. */
    public String rawRequest() {
        return rawRequest;
    }

    /** Body received, kept even when it was not JSON; or null. */
    public String rawResponse() {
        return rawResponse;
    }
}
