package com.propertyaudit.ui.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.propertyaudit.engine.EngineEvent;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EventCoalescerTest {

    @Test
    void eventsFromManyThreadsArriveOnceEachInOneBatch() throws Exception {
        EventCoalescer c = new EventCoalescer();
        UUID batch = UUID.randomUUID();
        CountDownLatch done = new CountDownLatch(4);
        for (int t = 0; t < 4; t++) {
            new Thread(() -> {
                IntStream.range(0, 250).forEach(i -> c.accept(new EngineEvent.Log(batch, "line " + i)));
                done.countDown();
            }).start();
        }
        done.await();
        assertThat(c.drain()).hasSize(1000);
        assertThat(c.drain()).isEmpty();
    }

    @Test
    void orderIsKeptWithinAThread() {
        EventCoalescer c = new EventCoalescer();
        UUID batch = UUID.randomUUID();
        c.accept(new EngineEvent.Log(batch, "a"));
        c.accept(new EngineEvent.Log(batch, "b"));
        assertThat(c.drain()).extracting(e -> ((EngineEvent.Log) e).line()).containsExactly("a", "b");
    }
}
