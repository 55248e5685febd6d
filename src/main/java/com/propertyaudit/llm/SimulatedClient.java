package com.propertyaudit.llm;

import com.propertyaudit.domain.AnswerOutcome;
import com.propertyaudit.domain.Citation;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Property;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The offline provider: deterministic answers, seeded by the request (its batch, surface, query
 * and sample), that recommend the audited
 * property and its competitors in varying order (sometimes leaving the property out, sometimes
 * naming it by an alias) and cite plausible sources. No key, no network; the latency is simulated
 * on a timer so that the demo shows real concurrency without holding threads. How often the property
 * is named drifts from batch to batch (between about one answer in two and four in five), so a second
 * demo audit gives a Compare and a Trend that move.
 */
final class SimulatedClient implements LlmClient {

    private static final String[] SOURCES = {"https://www.yelp.com/search?find_desc=apartments",
        "https://www.apartments.com/", "https://www.zillow.com/homes/for_rent/", "https://www.reddit.com/r/sandiego/",
        "https://www.rent.com/", "https://www.tripadvisor.com/", "https://www.apartmentratings.com/"};
    private static final String[] PRAISE = {"a rooftop deck with skyline views", "a resident lounge and co-working space",
        "a dog park and pet spa", "a resort-style pool", "walkable access to cafes and transit",
        "spacious floor plans with in-unit laundry", "a 24-hour fitness center", "responsive on-site management"};

    private final ScheduledExecutorService timer;
    private static final double WEB_SLOWDOWN = 2.5;

    private final Duration latency;

    SimulatedClient(ScheduledExecutorService timer, Duration latency) {
        this.timer = timer;
        this.latency = latency;
    }

    @Override
    public CompletableFuture<List<String>> models() {
        return CompletableFuture.completedFuture(List.of("demo"));
    }

    @Override
    public CompletableFuture<LlmResponse> ask(LlmRequest request) {
        // The web-search variant (its own seed, so its own answers) takes longer, like real web
        // search: a two-surface demo then shows a batch that is partial before it is complete.
        boolean web = request.surface().webSearch();
        Random random = new Random(request.seed() * 31 + request.prompt().hashCode());
        double brandChance = brandChance(request.seed());
        // The analyst answers at once: an analysis has no renter-facing latency to imitate.
        if (request.schema() != null) return CompletableFuture.completedFuture(SimulatedAnalyst.reply(request));
        LlmResponse response = compose(request, random, brandChance);
        long delay = Math.max(0, (long) (latency.toMillis() * (web ? WEB_SLOWDOWN : 1) * (0.5 + random.nextDouble())));
        CompletableFuture<LlmResponse> result = new CompletableFuture<>();
        ScheduledFuture<?> task = timer.schedule(() -> result.complete(response), delay, TimeUnit.MILLISECONDS);
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) task.cancel(false);
        });
        return result;
    }

    /** The batch's chance of naming the property: from the seed's batch bits, the same for every answer of a batch. */
    static double brandChance(long seed) {
        long batch = seed >>> 32;
        return 0.5 + 0.3 * new Random(batch).nextDouble();
    }

    private static LlmResponse compose(LlmRequest request, Random random, double brandChance) {
        Property p = request.subject();
        List<String> names = new ArrayList<>();
        if (p != null) {
            for (Competitor c : p.competitors()) {
                names.add(c.aliases().isEmpty() || random.nextInt(4) > 0 ? c.name() : c.aliases().get(0));
            }
        }
        java.util.Collections.shuffle(names, random);
        int listed = Math.min(names.size(), 3 + random.nextInt(3));
        names = new ArrayList<>(names.subList(0, listed));
        // The batch's share of answers name the property, at a varying place in the list.
        if (p != null && random.nextDouble() < brandChance) {
            String brand = p.aliases().isEmpty() || random.nextInt(5) > 0 ? p.name() : p.aliases().get(0);
            names.add(random.nextInt(names.size() + 1), brand);
        }
        String where = p == null ? "the area" : p.location().describe().isEmpty() ? "the area" : p.location().describe();
        StringBuilder text = new StringBuilder();
        text.append("Here are some options renters often recommend for \"").append(request.prompt()).append("\" in ")
                .append(where).append(":\n\n");
        for (int i = 0; i < names.size(); i++) {
            text.append(i + 1).append(". **").append(names.get(i)).append("** – known for ")
                    .append(PRAISE[random.nextInt(PRAISE.length)]).append(".\n");
        }
        List<Citation> citations = new ArrayList<>();
        int sources = 1 + random.nextInt(3);
        for (int i = 0; i < sources; i++) {
            String url = SOURCES[random.nextInt(SOURCES.length)];
            if (citations.stream().noneMatch(c -> c.url().equals(url))) citations.add(new Citation(url, null));
        }
        if (p != null && !p.domains().isEmpty() && random.nextInt(3) == 0) {
            citations.add(new Citation("https://www." + p.domains().get(0) + "/floor-plans", p.name()));
        }
        text.append("\nAvailability and prices change often, so check current listings on Apartments.com")
                .append(random.nextBoolean() ? " and read recent reviews on https://www.yelp.com." : ".");
        String body = text.toString();
        int in = Math.max(1, request.prompt().length() / 4);
        int out = Math.max(1, body.length() / 4);
        String rawRequest = "{\"provider\":\"simulated\",\"model\":\"" + request.surface().model() + "\",\"seed\":"
                + request.seed() + "}";
        String rawResponse = "{\"simulated\":true,\"text_length\":" + body.length() + "}";
        // Like a real web-search engine, the +web surface also found pages its answer does not cite.
        List<Citation> retrieved = new ArrayList<>();
        if (request.surface().webSearch()) {
            for (String url : SOURCES) {
                if (retrieved.size() < 2 && citations.stream().noneMatch(c -> c.url().equals(url))) {
                    retrieved.add(new Citation(url, null));
                }
            }
        }
        return new LlmResponse(AnswerOutcome.COMPLETED, body, citations, retrieved, rawRequest, rawResponse, 0, in,
                out, "stop", null, 1);
    }
}
