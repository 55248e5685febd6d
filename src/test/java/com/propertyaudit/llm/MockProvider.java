package com.propertyaudit.llm;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/** A MockWebServer and clients pointed at it, for the provider wire-format tests. */
final class MockProvider implements AutoCloseable {

    static final String OPENAI_KEY = "sk-proj-SECRETopenai1234";
    static final String ANTHROPIC_KEY = "sk-ant-api03-SECRETclaude5678";

    final MockWebServer server = new MockWebServer();
    final LlmClients clients;

    MockProvider(Duration timeout) throws IOException {
        server.start();
        String base = server.url("/").toString().replaceAll("/$", "");
        LlmConfig config = new LlmConfig(base + "/v1", base,
                p -> p == Provider.OPENAI ? Optional.of(OPENAI_KEY)
                        : p == Provider.ANTHROPIC ? Optional.of(ANTHROPIC_KEY) : Optional.empty(),
                timeout, LlmConfig.DEFAULT_ATTEMPTS, Duration.ofMillis(10));
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

    @Override
    public void close() {
        clients.close();
        server.close();
    }
}
