package com.propertyaudit.analysis.insights;

/** The statistics insights need: Wilson intervals, kappas and two significance tests. */
public final class Stats {

    /** 1.959964: the 97.5th percentile of the standard normal, for 95% intervals. */
    static final double Z95 = 1.959963984540054;

    private Stats() {}

    /**
     * The 95% Wilson score interval of k successes in n trials, in percent; null when n is 0.
     * Unlike the textbook ±1.96·SE interval it stays inside [0, 100] and is honest for small n.
     */
    public static double[] wilson(int k, int n) {
        if (n <= 0) return null;
        double p = (double) k / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denom;
        double half = Z95 * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denom;
        return new double[] {Math.max(0, (centre - half) * 100), Math.min(100, (centre + half) * 100)};
    }

    /**
     * Cohen's kappa of two raters' yes/no labels. Null when agreement by chance is certain (both
     * raters gave one label to everything): kappa is then undefined, not perfect.
     */
    public static Double cohenKappa(boolean[] a, boolean[] b) {
        int n = a.length;
        if (n == 0 || b.length != n) return null;
        int agree = 0;
        int aYes = 0;
        int bYes = 0;
        for (int i = 0; i < n; i++) {
            if (a[i] == b[i]) agree++;
            if (a[i]) aYes++;
            if (b[i]) bYes++;
        }
        double po = (double) agree / n;
        double pe = ((double) aYes / n) * ((double) bYes / n) + (1 - (double) aYes / n) * (1 - (double) bYes / n);
        if (pe >= 1) return null;
        return (po - pe) / (1 - pe);
    }

    /**
     * Fleiss' kappa: {@code counts[i][j]} is how many raters put subject i in category j; every
     * subject has the same number of raters. Null when undefined (chance agreement certain).
     */
    public static Double fleissKappa(int[][] counts) {
        int subjects = counts.length;
        if (subjects == 0) return null;
        int categories = counts[0].length;
        int raters = 0;
        for (int c : counts[0]) raters += c;
        if (raters < 2) return null;
        double[] pj = new double[categories];
        double pBar = 0;
        for (int[] row : counts) {
            double agreeing = 0;
            for (int j = 0; j < categories; j++) {
                pj[j] += row[j];
                agreeing += row[j] * (row[j] - 1.0);
            }
            pBar += agreeing / (raters * (raters - 1.0));
        }
        pBar /= subjects;
        double pe = 0;
        for (int j = 0; j < categories; j++) {
            double share = pj[j] / (subjects * (double) raters);
            pe += share * share;
        }
        if (pe >= 1) return null;
        return (pBar - pe) / (1 - pe);
    }

    /**
     * McNemar's test on paired yes/no outcomes: {@code b} pairs went yes→no, {@code c} no→yes.
     * Exact two-sided binomial p-value for fewer than 25 discordant pairs, else chi-square with
     * continuity correction.
     */
    public static double mcnemarP(int b, int c) {
        int n = b + c;
        if (n == 0) return 1.0;
        if (n < 25) {
            int k = Math.min(b, c);
            double tail = 0;
            for (int i = 0; i <= k; i++) tail += binomial(n, i) * Math.pow(0.5, n);
            return Math.min(1.0, 2 * tail);
        }
        double chi = Math.pow(Math.abs(b - c) - 1, 2) / n;
        return chiSquare1Survival(chi);
    }

    /** Two-sided p-value of the pooled two-proportion z-test; 1 when either sample is empty. */
    public static double twoProportionP(int k1, int n1, int k2, int n2) {
        if (n1 == 0 || n2 == 0) return 1.0;
        double p = (double) (k1 + k2) / (n1 + n2);
        double se = Math.sqrt(p * (1 - p) * (1.0 / n1 + 1.0 / n2));
        if (se == 0) return 1.0;
        double z = ((double) k1 / n1 - (double) k2 / n2) / se;
        return 2 * (1 - normalCdf(Math.abs(z)));
    }

    private static double binomial(int n, int k) {
        double r = 1;
        for (int i = 1; i <= k; i++) r = r * (n - k + i) / i;
        return r;
    }

    /** P(X > x) for chi-square with one degree of freedom: 2·(1 − Φ(√x)). */
    private static double chiSquare1Survival(double x) {
        return 2 * (1 - normalCdf(Math.sqrt(x)));
    }

    /** Φ(x) through the complementary error function (Numerical Recipes' erfc, |error| < 1.2e-7). */
    static double normalCdf(double x) {
        return 0.5 * erfc(-x / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
