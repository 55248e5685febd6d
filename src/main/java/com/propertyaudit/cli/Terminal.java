package com.propertyaudit.cli;

/**
 * Text from files, the database or the command line made safe to print on a terminal: control
 * characters (NUL, BEL, ESC starting a colour or cursor sequence, C1 controls) and the invisible
 * marks that reorder text on screen are shown as {@code \}{@code u001B} escapes instead of acting
 * on the terminal. Every command-line printer passes names through here, and the error handler
 * every message (so messages may echo input as typed); JSON output needs nothing, Jackson escapes
 * control characters itself.
 */
final class Terminal {

    private Terminal() {}

    /** One line of text: every control character, line breaks included, escaped. */
    static String safe(String text) {
        if (text == null) return null;
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (acts(c)) {
                if (sb == null) sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** A message of one or more lines: the line breaks are kept, everything else as {@link #safe}. */
    static String safeLines(String text) {
        if (text == null) return null;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) lines[i] = safe(lines[i]);
        return String.join(System.lineSeparator(), lines);
    }

    /** Characters a terminal acts on or that change how the text around them is shown. */
    private static boolean acts(char c) {
        return Character.getType(c) == Character.CONTROL
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069'
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }
}
