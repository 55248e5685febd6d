package com.propertyaudit.analysis;

import com.google.common.net.InternetDomainName;
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
    private static final ConcurrentHashMap<String, Boolean> LISTED = new ConcurrentHashMap<>();

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
     * Whether a bare host ends in a suffix that is really on the Public Suffix List and has a label
     * before it. OkHttp's look-up applies the list's default rule {@code *}, under which any last
     * label passes ({@code node.js}, {@code file.txt}); Guava's copy of the list answers membership.
     */
    static boolean hasPublicSuffix(String host) {
        Boolean cached = LISTED.get(host);
        if (cached == null) {
            cached = InternetDomainName.isValid(host) && InternetDomainName.from(host).isUnderPublicSuffix()
                    && of(host) != null;
            if (LISTED.size() >= CACHE_LIMIT) LISTED.clear();
            LISTED.put(host, cached);
        }
        return cached;
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
