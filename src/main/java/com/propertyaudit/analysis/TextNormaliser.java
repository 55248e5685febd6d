package com.propertyaudit.analysis;

import java.text.Normalizer;
import java.util.Arrays;

/**
 * Rule 2 of score-cli.md, applied to answer texts and aliases alike: compatibility
 * normalisation, diacritics removed, curly quotes straightened, every run of white space one
 * space. Markdown emphasis markers ({@code * _ `}) touching white space are part of that run, so
 * {@code **Harbor** Point} reads {@code Harbor Point}; markers elsewhere are kept as the
 * non-letters they are, which already lets {@code **HPL**} match as a whole word.
 *
 * <p>Case is kept: the automaton folds case itself, and one-word aliases need the written case.
 * ASCII chars skip Unicode normalisation altogether; other chars are normalised one cluster (a
 * char and the combining marks after it) at a time, with a cache for lone BMP chars.
 */
final class TextNormaliser {

    /** Normalised form of each BMP char that stands alone (no combining marks after it). */
    private static final String[] SINGLE_CHAR = new String[Character.MAX_VALUE + 1];

    /** Combining marks all lie at U+0300 or above, so a smaller next char cannot extend a cluster. */
    private static final char FIRST_MARK = '\u0300';

    private static final byte OTHER = 0;
    private static final byte SPACE = 1;
    private static final byte MARKER = 2;
    private static final byte[] ASCII_KIND = new byte[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            if (Character.isWhitespace(c)) ASCII_KIND[c] = SPACE;
        }
        ASCII_KIND['*'] = MARKER;
        ASCII_KIND['_'] = MARKER;
        ASCII_KIND['`'] = MARKER;
    }

    private TextNormaliser() {}

    static NormalisedText normalise(String text) {
        int n = text.length();
        char[] src = new char[n];
        text.getChars(0, n, src, 0);
        char[] out = new char[n + 1];
        int[] starts = new int[n + 2];
        int length = 0;
        // A run of white space and emphasis markers in progress: where it began in out and src.
        int runOut = -1;
        int runSrc = 0;
        boolean runHasSpace = false;
        int i = 0;
        while (i < n) {
            char c = src[i];
            if (c < 0x80) {
                // ASCII needs no Unicode normalisation: a combining mark after an ASCII letter
                // normalises the same on its own as in a cluster with the letter.
                byte kind = ASCII_KIND[c];
                if (kind == OTHER) {
                    if (runOut >= 0) {
                        if (runHasSpace) {
                            length = runOut;
                            out[length] = ' ';
                            starts[length++] = runSrc;
                        }
                        runOut = -1;
                    }
                    out[length] = c;
                    starts[length++] = i++;
                    // Copy plain ASCII, including a lone space between two plain chars, which
                    // maps to itself: most prose never leaves this loop between words.
                    while (i < n && (c = src[i]) < 0x80
                            && (ASCII_KIND[c] == OTHER || c == ' ' && i + 1 < n && isPlainAscii(src[i + 1]))) {
                        out[length] = c;
                        starts[length++] = i++;
                    }
                    continue;
                }
                if (runOut < 0) {
                    runOut = length;
                    runSrc = i;
                    runHasSpace = false;
                }
                if (kind == SPACE) {
                    runHasSpace = true;
                } else {
                    out[length] = c;
                    starts[length++] = i;
                }
                i++;
                continue;
            }
            int end = clusterEnd(src, n, i);
            String normalised = end == i + 1 ? single(c) : normaliseCluster(new String(src, i, end - i));
            // Every later source char writes at most one char; keep room for all of them.
            int needed = length + normalised.length() + (n - end) + 1;
            if (needed > out.length) {
                int capacity = Math.max(out.length * 2, needed);
                out = Arrays.copyOf(out, capacity);
                starts = Arrays.copyOf(starts, capacity + 1);
            }
            for (int k = 0; k < normalised.length(); k++) {
                char d = normalised.charAt(k);
                boolean space = d == ' ';
                if (space || d == '*' || d == '_' || d == '`') {
                    if (runOut < 0) {
                        runOut = length;
                        runSrc = i;
                        runHasSpace = false;
                    }
                    if (space) {
                        runHasSpace = true;
                        continue;
                    }
                } else if (runOut >= 0) {
                    if (runHasSpace) {
                        length = runOut;
                        out[length] = ' ';
                        starts[length++] = runSrc;
                    }
                    runOut = -1;
                }
                out[length] = d;
                starts[length++] = i;
            }
            i = end;
        }
        if (runOut >= 0 && runHasSpace) {
            length = runOut;
            out[length] = ' ';
            starts[length++] = runSrc;
        }
        starts[length] = n;
        return new NormalisedText(out, length, starts);
    }

    private static boolean isPlainAscii(char c) {
        return c < 0x80 && ASCII_KIND[c] == OTHER;
    }

    /** An alias as the matcher sees it: normalised like answer text, without outer spaces. */
    static String normaliseAlias(String alias) {
        return normalise(alias).toString().strip();
    }

    private static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** End of the code point at {@code start} plus every combining mark that follows it. */
    private static int clusterEnd(char[] src, int n, int start) {
        int end = start + Character.charCount(Character.codePointAt(src, start, n));
        while (end < n && src[end] >= FIRST_MARK) {
            int cp = Character.codePointAt(src, end, n);
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
}
