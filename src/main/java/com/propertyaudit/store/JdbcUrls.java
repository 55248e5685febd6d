package com.propertyaudit.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the app tells about a JDBC URL: which database it names, and never its password. A
 * PostgreSQL URL may carry {@code password=…} among its parameters; it is accepted, handed to the
 * driver apart from the URL, and shown as {@code password=***}.
 */
public final class JdbcUrls {

    /** {@code password=} as a parameter (after {@code ?}, {@code &} or H2's {@code ;}), up to the next separator. */
    private static final Pattern PASSWORD = Pattern.compile("([?&;]password=)([^&;\\s]*)", Pattern.CASE_INSENSITIVE);

    private JdbcUrls() {}

    public static boolean isPostgres(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:");
    }

    public static boolean isH2(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:");
    }

    /** The URL as it may be shown: every password parameter replaced by {@code ***}. */
    public static String masked(String url) {
        if (url == null) return null;
        return PASSWORD.matcher(url).replaceAll("$1***");
    }

    /** The password the URL carries, or null. */
    public static String password(String url) {
        if (url == null) return null;
        Matcher m = PASSWORD.matcher(url);
        return m.find() ? java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    /** The URL without its password parameters, for the driver and for settings. */
    public static String withoutPassword(String url) {
        if (url == null) return null;
        String s = PASSWORD.matcher(url).replaceAll("");
        // A password that was the first parameter leaves "&rest" behind the path: make it "?rest".
        int q = s.indexOf('?');
        int amp = s.indexOf('&');
        if (amp >= 0 && (q < 0 || amp < q) && isPostgres(s)) s = s.substring(0, amp) + "?" + s.substring(amp + 1);
        return s;
    }

    /** Any text (an error message) with a password parameter of a URL in it masked. */
    public static String maskIn(String text) {
        return text == null ? null : PASSWORD.matcher(text).replaceAll("$1***");
    }
}
