package com.propertyaudit.analysis.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Against published worked examples. */
class StatsTest {

    @Test
    void wilsonIntervalOfHalfOfTen() {
        // 5 of 10: the standard textbook result is [23.7%, 76.3%].
        double[] ci = Stats.wilson(5, 10);
        assertThat(ci[0]).isCloseTo(23.66, within(0.01));
        assertThat(ci[1]).isCloseTo(76.34, within(0.01));
    }

    @Test
    void wilsonStaysInsideTheRangeAtTheEdges() {
        assertThat(Stats.wilson(0, 10)[0]).isZero();
        assertThat(Stats.wilson(0, 10)[1]).isCloseTo(27.75, within(0.01));
        assertThat(Stats.wilson(10, 10)[1]).isCloseTo(100.0, within(1e-9));
        assertThat(Stats.wilson(0, 0)).isNull();
    }

    @Test
    void cohensKappaOfWikipediasExampleIsPointFour() {
        // 50 items: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no.
        boolean[] a = new boolean[50];
        boolean[] b = new boolean[50];
        for (int i = 0; i < 50; i++) {
            a[i] = i < 25;
            b[i] = i < 20 || (i >= 25 && i < 35);
        }
        assertThat(Stats.cohenKappa(a, b)).isCloseTo(0.4, within(1e-9));
    }

    @Test
    void kappaIsUndefinedWhenEveryoneSaysTheSame() {
        assertThat(Stats.cohenKappa(new boolean[] {true, true}, new boolean[] {true, true})).isNull();
    }

    @Test
    void fleissKappaOfWikipediasExampleIs0210() {
        int[][] table = {
            {0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7}};
        assertThat(Stats.fleissKappa(table)).isCloseTo(0.210, within(0.0005));
    }

    @Test
    void mcnemarExactForFewDiscordantPairs() {
        assertThat(Stats.mcnemarP(0, 10)).isCloseTo(2 * Math.pow(0.5, 10), within(1e-12));
        assertThat(Stats.mcnemarP(5, 5)).isEqualTo(1.0);
        assertThat(Stats.mcnemarP(0, 0)).isEqualTo(1.0);
    }

    @Test
    void mcnemarChiSquareForManyDiscordantPairs() {
        // b=10, c=30: chi2 = (|10-30|-1)^2/40 = 9.025, p = 0.00266
        assertThat(Stats.mcnemarP(10, 30)).isCloseTo(0.00266, within(0.0001));
    }

    @Test
    void twoProportionTest() {
        // 45/100 vs 60/100: z = -2.1239, two-sided p = 0.0337
        assertThat(Stats.twoProportionP(45, 100, 60, 100)).isCloseTo(0.0337, within(0.0005));
        assertThat(Stats.twoProportionP(5, 10, 5, 10)).isCloseTo(1.0, within(1e-6));
    }
}
