package com.propertyaudit.analysis.ai;

/** The sentence (or list line) around a position of a text, for evidence and excerpts. */
final class Sentences {

    private static final int MAX = 400;

    private Sentences() {}

    static String around(String text, int at) {
        int pos = Math.max(0, Math.min(at, text.length()));
        int start = pos;
        while (start > 0 && !ends(text, start - 1)) start--;
        int end = pos;
        while (end < text.length() && !ends(text, end)) end++;
        if (end < text.length() && text.charAt(end) != '\n') end++;
        String s = text.substring(start, end).strip();
        return s.length() > MAX ? s.substring(0, MAX) + "…" : s;
    }

    /** A full stop, question or exclamation mark followed by a space, or a line break, ends a sentence. */
    private static boolean ends(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') return true;
        if (c != '.' && c != '!' && c != '?') return false;
        return i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1));
    }
}
