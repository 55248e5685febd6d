package com.propertyaudit.analysis;

/**
 * An answer text after rule 2 of score-cli.md, with a map back to the original so mentions can
 * be reported as UTF-16 offsets into the text the user sees.
 *
 * <p>{@code starts[k]} is the original offset where the source of normalised char {@code k}
 * begins; {@code starts[length]} is the original length. Sources are contiguous and in order, so
 * a normalised char ends where the next char with a later source begins.
 */
final class NormalisedText {

    private final char[] chars;
    private final int length;
    private final int[] starts;

    NormalisedText(char[] chars, int length, int[] starts) {
        this.chars = chars;
        this.length = length;
        this.starts = starts;
    }

    /** The normalised chars; only the first {@link #length()} are valid. Callers must not write. */
    char[] chars() {
        return chars;
    }

    int length() {
        return length;
    }

    int originalStart(int index) {
        return starts[index];
    }

    /** Original offset just past the source of the normalised chars {@code [.., index]}. */
    int originalEnd(int index) {
        int from = starts[index];
        int next = index + 1;
        while (starts[next] == from) {
            next++;
        }
        return starts[next];
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}
