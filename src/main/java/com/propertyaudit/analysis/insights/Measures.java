package com.propertyaudit.analysis.insights;

/**
 * The one name of each measure, used by every screen, the PDF, the CLI and the comparison, so an
 * analyst never wonders whether two labels are two numbers.
 */
public final class Measures {

    /** The mean answer score of a surface, 0 to 100. */
    public static final String VISIBILITY_SCORE = "Visibility score (0–100)";
    /** The share of answers that name the entity, in percent. */
    public static final String MENTION_RATE = "Mention rate";

    private Measures() {}
}
