package com.propertyaudit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.domain.AuditQuery;
import com.propertyaudit.domain.Competitor;
import com.propertyaudit.domain.Location;
import com.propertyaudit.domain.Property;
import com.propertyaudit.domain.Surface;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The demo provider answers differently per batch, the same again for the same batch, and drifts. */
class SimulatedClientTest {

    final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    final SimulatedClient client = new SimulatedClient(timer, Duration.ZERO);
    static final Property P = new Property("Domain San Diego", List.of(), List.of("domainsandiego.com"),
            new Location("San Diego", "CA", null), List.of(Competitor.named("Pinnacle on the Park"),
                    Competitor.named("Park 12"), Competitor.named("The Rey"), Competitor.named("Vantage Pointe")),
            List.of(new AuditQuery("best apartments", null)));

    @AfterEach
    void stop() {
        timer.shutdownNow();
    }

    List<String> batch(int batchBits) throws Exception {
        List<String> texts = new ArrayList<>();
        for (int q = 0; q < 40; q++) {
            long seed = ((long) batchBits << 32) | q;
            texts.add(client.ask(new LlmRequest(Surface.parse("simulated:demo"), "question " + q, null, 100, seed, P))
                    .get().text());
        }
        return texts;
    }

    @Test
    void twoBatchesDifferAndOneBatchIsReproducible() throws Exception {
        List<String> first = batch(7);
        assertThat(batch(7)).isEqualTo(first);
        List<String> second = batch(8);
        long same = IntStream.range(0, first.size()).filter(i -> first.get(i).equals(second.get(i))).count();
        assertThat(same).isLessThan(first.size() / 4);
    }

    @Test
    void theChanceOfNamingThePropertyDriftsBetweenBatchesWithinBounds() {
        List<Double> chances = IntStream.range(0, 50).mapToObj(b -> SimulatedClient.brandChance((long) b << 32)).toList();
        assertThat(chances).allSatisfy(c -> assertThat(c).isBetween(0.5, 0.8));
        assertThat(chances.stream().distinct().count()).isGreaterThan(40);
        // Within a batch every answer shares the chance.
        assertThat(SimulatedClient.brandChance((3L << 32) | 12)).isEqualTo(SimulatedClient.brandChance(3L << 32));
    }
}
