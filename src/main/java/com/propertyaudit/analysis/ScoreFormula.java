package com.propertyaudit.analysis;

/**
 * Rule 10 of score-cli.md: {@code 100 × (0.5·M + 0.3·(M ? 1/rank : 0) + 0.2·C)}, one decimal.
 *
 * <p>Worked in whole tenths so no binary fraction creeps in: 100 × 0.3 / 3 is exactly 10.0, not
 * 9.999…, and a half tenth rounds up as it does on paper.
 */
final class ScoreFormula {

    private ScoreFormula() {}

    /** @param brandRank 1-based rank of the brand, or null when it is not mentioned */
    static double score(Integer brandRank, boolean brandCited) {
        int tenths = brandCited ? 200 : 0;
        if (brandRank != null) {
            if (brandRank < 1) throw new IllegalArgumentException("A rank starts at 1, got " + brandRank);
            // 300 / rank tenths, rounded half up, in integers: floor((600 + rank) / (2 · rank)).
            tenths += 500 + (600 + brandRank) / (2 * brandRank);
        }
        return tenths / 10.0;
    }
}
