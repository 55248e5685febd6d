package com.propertyaudit.analysis;

import java.text.Normalizer;

/**
 * Rule 2 of score-cli.md, applied to answer texts and aliases alike: compatibility
 * normalisation, diacritics removed, curly quotes straightened, every run of white space one
 * space. Markdown emphasis markers ({@code * _ `}) touching white space are part of that run, so
 * {@code **Harbor** Point} reads {@code Harbor Point}; markers elsewhere are kept as the
 * non-letters they are, which already lets {@code **HPL**} match as a whole word.
 *
 * <p>Case is kept: the automaton folds case itself, and one-word aliases need the written case.
 */
final class TextNormaliser {

    /** Normalised form of each BMP char that stands alone (no combining marks after it). */
    private static final String[] SINGLE_CHAR = new String[Character.MAX_VALUE + 1];

    private TextNormaliser() {}

    static NormalisedText normalise(String text) {
        Output out = new Output(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            // Combining marks are all at U+0300 or above, so a smaller next char ends the cluster.
            boolean alone = i + 1 == n || text.charAt(i + 1) < 0x300;
            if (c < 0x80 && alone) {
                out.ascii(c, i);
                i++;
            } else if ((alone || !startsMark(text, i + 1)) && !Character.isSurrogate(c)) {
                if (c < 0x80) {
                    out.ascii(c, i);
                } else {
                    out.cluster(single(c), i);
                }
                i++;
            } else {
                int end = clusterEnd(text, i);
                out.cluster(normaliseCluster(text.substring(i, end)), i);
                i = end;
            }
        }
        return out.finish(n);
    }

    /** An alias as the matcher sees it: normalised like answer text, without outer spaces. */
    static String normaliseAlias(String alias) {
        return normalise(alias).toString().strip();
    }

    private static boolean startsMark(String text, int index) {
        return isMark(text.codePointAt(index));
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** End of the code point at {@code start} plus every combining mark that follows it. */
    private static int clusterEnd(String text, int start) {
        int end = start + Character.charCount(text.codePointAt(start));
        while (end < text.length()) {
            int cp = text.codePointAt(end);
            if (!isMark(cp)) break;
            end += Character.charCount(cp);
        }
        return end;
    }

    private static String single(char c) {
        String cached = SINGLE_CHAR[c];
        if (cached == null) {
            // A benign race: every thread computes the same immutable string.
            cached = normaliseCluster(String.valueOf(c));
            SINGLE_CHAR[c] = cached;
        }
        return cached;
    }

    /** NFKC without diacritics: decompose, drop non-spacing marks, recompose, then map quotes and spaces. */
    private static String normaliseCluster(String cluster) {
        String decomposed = Normalizer.normalize(cluster, Normalizer.Form.NFKD);
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) != Character.NON_SPACING_MARK) kept.append(c);
        }
        String composed = Normalizer.normalize(kept, Normalizer.Form.NFC);
        StringBuilder mapped = new StringBuilder(composed.length());
        for (int i = 0; i < composed.length(); i++) {
            mapped.append(straighten(composed.charAt(i)));
        }
        return mapped.toString();
    }

    private static char straighten(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u02BC', '\u02BB':
                return '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033':
                return '"';
            default:
                return Character.isWhitespace(c) || Character.isSpaceChar(c) ? ' ' : c;
        }
    }

    /** Appends normalised chars, collapsing white space and the emphasis markers touching it. */
    private static final class Output {
        private char[] chars;
        private int[] starts;
        private int length;

        private boolean inRun;
        private boolean runHasSpace;
        private int runOutputStart;
        private int runSourceStart;

        Output(int capacity) {
            chars = new char[capacity];
            starts = new int[capacity + 1];
        }

        void ascii(char c, int at) {
            if (c <= ' ' && Character.isWhitespace(c)) {
                space(at);
            } else if (c == '*' || c == '_' || c == '`') {
                marker(c, at);
            } else {
                if (inRun) endRun();
                append(c, at);
            }
        }

        void cluster(String normalised, int start) {
            for (int k = 0; k < normalised.length(); k++) {
                char c = normalised.charAt(k);
                if (c == ' ') {
                    space(start);
                } else if (c == '*' || c == '_' || c == '`') {
                    marker(c, start);
                } else {
                    if (inRun) endRun();
                    append(c, start);
                }
            }
        }

        private void space(int at) {
            startRun(at);
            runHasSpace = true;
        }

        private void marker(char c, int at) {
            startRun(at);
            append(c, at);
        }

        private void startRun(int at) {
            if (!inRun) {
                inRun = true;
                runHasSpace = false;
                runOutputStart = length;
                runSourceStart = at;
            }
        }

        private void endRun() {
            inRun = false;
            if (runHasSpace) {
                length = runOutputStart;
                append(' ', runSourceStart);
            }
        }

        private void append(char c, int sourceStart) {
            if (length == chars.length) grow();
            chars[length] = c;
            starts[length] = sourceStart;
            length++;
        }

        private void grow() {
            int capacity = Math.max(16, chars.length * 2);
            chars = java.util.Arrays.copyOf(chars, capacity);
            starts = java.util.Arrays.copyOf(starts, capacity + 1);
        }

        NormalisedText finish(int sourceLength) {
            if (inRun) endRun();
            starts[length] = sourceLength;
            return new NormalisedText(chars, length, starts);
        }
    }
}
