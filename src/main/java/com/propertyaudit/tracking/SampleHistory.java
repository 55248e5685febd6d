package com.propertyaudit.tracking;

import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Provider;
import com.propertyaudit.domain.Surface;
import com.propertyaudit.engine.PastBatches;
import com.propertyaudit.engine.Workspace;
import com.propertyaudit.llm.LlmClient;
import com.propertyaudit.llm.LlmClients;
import com.propertyaudit.llm.LlmConfig;
import com.propertyaudit.llm.LlmRequest;
import com.propertyaudit.llm.LlmResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The sample data folder's past: two earlier batches per sample property, two and one day ago, on the
 * offline Simulated surfaces (so every screen labels them Simulated), through the real engine. Each
 * batch varies the Simulated answers with its own fixed seed; in the second batch of the property that
 * "loses ground", most answers no longer name it, so the new user's Portfolio shows a significant drop.
 */
public final class SampleHistory {

    public static final List<Surface> SURFACES = List.of(Surface.parse("simulated:demo"),
            Surface.parse("simulated:demo+web"));

    private SampleHistory() {}

    /** Writes the earlier batches of {@code steady} and {@code losing}, the newest one day before {@code now}. */
    public static void write(Workspace ws, Property steady, Property losing, Instant now) {
        try (LlmClients clients = new LlmClients(LlmConfig.fromEnvironment(Map.of()).withSimulatedLatency(Duration.ZERO))) {
            LlmClient simulated = clients.forProvider(Provider.SIMULATED);
            Instant before = now.minus(Duration.ofDays(2));
            Instant after = now.minus(Duration.ofDays(1));
            PastBatches.run(ws, steady, SURFACES, 1, before, s -> varied(simulated, 1, 0));
            PastBatches.run(ws, losing, SURFACES, 1, before.plusSeconds(60), s -> varied(simulated, 2, 0));
            PastBatches.run(ws, steady, SURFACES, 1, after, s -> varied(simulated, 3, 0));
            // Four answers in five that would have named the property name another community instead.
            PastBatches.run(ws, losing, SURFACES, 1, after.plusSeconds(60), s -> varied(simulated, 4, 80));
        }
    }

    /**
     * The Simulated client with a batch's own seed; {@code forgetPercent} of the requests are asked about
     * an unnamed community, so their answers leave the property out.
     */
    private static LlmClient varied(LlmClient simulated, long salt, int forgetPercent) {
        return new LlmClient() {
            @Override
            public CompletableFuture<LlmResponse> ask(LlmRequest r) {
                // The salt stands where the batch's random id would (the seed's high bits), so the sample's
                // history is the same on every machine: the steady property stays steady, the other drops.
                long seed = (salt << 32) | (r.seed() & 0xFFFF_FFFFL);
                Property subject = r.subject();
                if (subject != null && Math.floorMod(seed * 7919L, 100) < forgetPercent) {
                    subject = new Property("another community nearby", List.of(), List.of(), subject.location(),
                            subject.competitors(), subject.queries());
                }
                return simulated.ask(new LlmRequest(r.surface(), r.prompt(), r.system(), r.maxOutputTokens(), seed,
                        subject, r.schema(), r.searchFrom()));
            }

            @Override
            public CompletableFuture<List<String>> models() {
                return simulated.models();
            }
        };
    }
}
