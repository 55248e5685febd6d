package com.propertyaudit.llm;

/**
 * A key goes into an HTTP header, where only visible ASCII may stand. A key pasted with a space,
 * a line break or an invisible character is refused here with a sentence that names the variable
 * and never the key (the HTTP library's own error would quote the whole header value).
 */
final class KeyText {

    private KeyText() {}

    /** Null when the key can be sent; otherwise the failure to report. */
    static LlmException problem(String key, String variable) {
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return new LlmException(LlmException.Kind.AUTH, "The key in " + variable + " (or in Settings) contains"
                        + " a character that cannot be sent, at position " + (i + 1) + " (a space, line break or"
                        + " invisible character): copy the key again from the provider's console.");
            }
        }
        return null;
    }
}
