package com.propertyaudit.llm;

import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The provider clients of one configuration, sharing one HTTP client (one connection pool) and
 * one throttle per provider, so that a 429 slows the whole provider, not one request.
 */
public final class LlmClients implements AutoCloseable {

    private final OkHttpClient http;
    private final ScheduledExecutorService timer;
    private final Map<Provider, LlmClient> clients = new EnumMap<>(Provider.class);

    public LlmClients(LlmConfig config) {
        this(config, p -> RateLimitObserver.NONE);
    }

    /** @param pacing hears each provider's responses (their rate-limit headers), 429s included */
    public LlmClients(LlmConfig config, Function<Provider, ? extends RateLimitObserver> pacing) {
        Dispatcher dispatcher = new Dispatcher();
        // The engine bounds concurrency per provider; OkHttp's own default of 5 per host must not.
        dispatcher.setMaxRequests(256);
        dispatcher.setMaxRequestsPerHost(128);
        // As the official SDKs: a short connect timeout, and a long read timeout rather than a bound on
        // the whole call, so a long web-search answer that keeps arriving is not cut off and paid again.
        http = new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectTimeout(LlmConfig.CONNECT_TIMEOUT)
                .readTimeout(config.requestTimeout())
                .writeTimeout(config.requestTimeout())
                .retryOnConnectionFailure(true)
                .build();
        timer = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "llm-timer");
            t.setDaemon(true);
            return t;
        });
        clients.put(Provider.OPENAI, new OpenAiClient(exchange(config, "OpenAI", pacing.apply(Provider.OPENAI)),
                config.baseUrl(Provider.OPENAI), config.keys()));
        clients.put(Provider.ANTHROPIC, new AnthropicClient(
                exchange(config, "Anthropic", pacing.apply(Provider.ANTHROPIC)),
                config.baseUrl(Provider.ANTHROPIC), config.keys()));
        clients.put(Provider.GEMINI, new GeminiClient(exchange(config, "Gemini", pacing.apply(Provider.GEMINI)),
                config.baseUrl(Provider.GEMINI), config.keys()));
        clients.put(Provider.PERPLEXITY, new PerplexityClient(
                exchange(config, "Perplexity", pacing.apply(Provider.PERPLEXITY)),
                config.baseUrl(Provider.PERPLEXITY), config.keys()));
        clients.put(Provider.LOCAL, new LocalClient(exchange(config, "The local server at "
                + config.baseUrl(Provider.LOCAL), pacing.apply(Provider.LOCAL)), config.baseUrl(Provider.LOCAL),
                config.keys()));
        clients.put(Provider.SIMULATED, new SimulatedClient(timer, config.simulatedLatency()));
    }

    /** One exchange per provider: its own throttle, so a 429 slows that provider only. */
    private HttpExchange exchange(LlmConfig config, String name, RateLimitObserver observer) {
        return new HttpExchange(http, timer, new ProviderThrottle(), config.maxAttempts(), name, observer);
    }

    public LlmClient forSurface(Surface surface) {
        return clients.get(surface.provider());
    }

    public LlmClient forProvider(Provider provider) {
        return clients.get(provider);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
