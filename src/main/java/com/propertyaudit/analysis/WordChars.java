package com.propertyaudit.analysis;

/** Rule 3's notion of a word char: a letter or digit in any script. */
final class WordChars {

    private static final boolean[] ASCII = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII[c] = Character.isLetterOrDigit(c);
        }
    }

    private WordChars() {}

    /** Whether the code point starting at {@code index} is a letter or digit. */
    static boolean startsAt(char[] text, int index, int length) {
        char c = text[index];
        return c < 0x80 ? ASCII[c] : Character.isLetterOrDigit(Character.codePointAt(text, index, length));
    }

    /** Whether the code point ending just before {@code index} is a letter or digit. */
    static boolean endsBefore(char[] text, int index) {
        char c = text[index - 1];
        return c < 0x80 ? ASCII[c] : Character.isLetterOrDigit(Character.codePointBefore(text, index));
    }
}
