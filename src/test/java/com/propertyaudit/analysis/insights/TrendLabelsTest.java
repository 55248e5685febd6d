package com.propertyaudit.analysis.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TrendLabelsTest {

    @Test
    void batchesOfTheSameMinuteGetDistinctLabels() {
        TrendLabels labels = new TrendLabels();
        assertThat(labels.next(Instant.parse("2026-11-30T14:05:03Z"))).isEqualTo("30 Nov 14:05");
        assertThat(labels.next(Instant.parse("2026-11-30T14:05:41Z"))).isEqualTo("30 Nov 14:05:41");
        assertThat(labels.next(Instant.parse("2026-11-30T14:05:41.5Z"))).isEqualTo("30 Nov 14:05 (2)");
        assertThat(labels.next(Instant.parse("2026-12-01T09:00:00Z"))).isEqualTo("1 Dec 09:00");
    }
}
