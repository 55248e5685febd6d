package com.propertyaudit.analysis;

import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;

/**
 * Registrable domains (public suffix plus one label) through OkHttp's copy of the Public Suffix
 * List, which is kept up to date with each OkHttp release.
 *
 * <p>Answers name the same few hosts again and again, and a look-up parses a URL, so results are
 * cached. The cache is bounded by clearing it when full: simple, and the hot set refills at once.
 */
final class RegistrableDomains {

    private static final int CACHE_LIMIT = 20_000;
    private static final String NONE = "";
    private static final ConcurrentHashMap<String, String> CACHE = new ConcurrentHashMap<>();

    private RegistrableDomains() {}

    /**
     * The registrable domain of {@code host} in lower case, or null when it has none: an IP
     * address, a bare public suffix ({@code co.uk}), a name whose last label is no public suffix.
     */
    static String of(String host) {
        String cached = CACHE.get(host);
        if (cached == null) {
            cached = lookUp(host);
            if (CACHE.size() >= CACHE_LIMIT) CACHE.clear();
            CACHE.put(host, cached);
        }
        return cached.isEmpty() ? null : cached;
    }

    /**
     * Whether a bare host ends in a public suffix and has a label before it. OkHttp applies the
     * list's default rule {@code *}, so any last label passes, listed or not ({@code node.js});
     * {@link LinkScanner} therefore only asks this of hosts whose last label is letters only.
     */
    static boolean hasPublicSuffix(String host) {
        return of(host) != null;
    }

    /** The registrable domain of the host of a URL or of a bare host name; null when none. */
    static String ofUrl(String url) {
        String host = hostOf(url);
        return host == null ? null : of(host);
    }

    private static String lookUp(String host) {
        HttpUrl url = HttpUrl.parse("https://" + host + "/");
        String domain = url == null ? null : url.topPrivateDomain();
        return domain == null ? NONE : domain.toLowerCase(Locale.ROOT);
    }

    /**
     * The host of {@code http://host/...}, of {@code host/...} without a scheme, or null. A
     * scheme-less string with {@code @} in its authority is an e-mail address, never a host.
     */
    static String hostOf(String url) {
        String s = url.strip();
        int schemeEnd = s.indexOf("://");
        int start = schemeEnd < 0 ? 0 : schemeEnd + 3;
        int end = start;
        while (end < s.length() && "/?#\\".indexOf(s.charAt(end)) < 0) {
            end++;
        }
        int at = s.lastIndexOf('@', end - 1);
        if (at >= start) {
            if (schemeEnd < 0) return null;
            start = at + 1;
        }
        if (start < end && s.charAt(start) == '[') return null;
        int colon = s.indexOf(':', start);
        if (colon >= 0 && colon < end) end = colon;
        while (end > start && s.charAt(end - 1) == '.') {
            end--;
        }
        return start == end ? null : s.substring(start, end).toLowerCase(Locale.ROOT);
    }
}
