package com.propertyaudit.llm;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A MockWebServer and clients pointed at it, for the provider wire-format tests. */
final class MockProvider implements AutoCloseable {

    static final String OPENAI_KEY = "sk-proj-SECRETopenai1234";
    static final String ANTHROPIC_KEY = "sk-ant-api03-SECRETclaude5678";
    static final String GEMINI_KEY = "AIzaSySECRETgemini9012";
    static final String PERPLEXITY_KEY = "pplx-SECRETperplexity3456";

    final MockWebServer server = new MockWebServer();
    final LlmClients clients;

    MockProvider(Duration timeout) throws IOException {
        server.start();
        String base = server.url("/").toString().replaceAll("/$", "");
        // Every provider at the one server: their paths do not overlap (/v1/chat/completions,
        // /v1/messages, /v1beta/models/…, /chat/completions, /local/chat/completions).
        LlmConfig config = new LlmConfig(Map.of(Provider.OPENAI, base + "/v1", Provider.ANTHROPIC, base,
                Provider.GEMINI, base, Provider.PERPLEXITY, base, Provider.LOCAL, base + "/local"),
                p -> Optional.ofNullable(switch (p) {
                    case OPENAI -> OPENAI_KEY;
                    case ANTHROPIC -> ANTHROPIC_KEY;
                    case GEMINI -> GEMINI_KEY;
                    case PERPLEXITY -> PERPLEXITY_KEY;
                    default -> null;
                }), timeout, LlmConfig.DEFAULT_ATTEMPTS, Duration.ofMillis(10));
        clients = new LlmClients(config);
    }

    MockProvider() throws IOException {
        this(Duration.ofSeconds(10));
    }

    static MockResponse json(int code, String body, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body).setHeader("content-type",
                "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) b.setHeader(headers[i], headers[i + 1]);
        return b.build();
    }

    static LlmRequest request(String surface) {
        return new LlmRequest(Surface.parse(surface), "best lofts in the Pearl District", null, 1024, 1,
                Property.named("Harbor Point Lofts"));
    }

    /** The reply to {@code r}, waiting at most 30 s. */
    LlmResponse ask(LlmRequest r) throws Exception {
        return clients.forSurface(r.surface()).ask(r).get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** The failure {@code r} ends in; the test fails if it is answered. */
    LlmException failure(LlmRequest r) {
        java.util.concurrent.CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(
                java.util.concurrent.CompletionException.class, () -> clients.forSurface(r.surface()).ask(r).join());
        return (LlmException) e.getCause();
    }

    @Override
    public void close() {
        clients.close();
        server.close();
    }
}
