package com.propertyaudit.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Finds http(s) URLs, e-mail addresses and bare domains in normalised text. One pass notes where
 * the chars each kind must contain ({@code :}, {@code @}, {@code .}) are; only those places are
 * looked at more closely, which is far cheaper than a regular expression tried at every position.
 * URLs come first, then e-mails outside them, then bare domains outside both, so
 * {@code hello@dockmail.com} is never taken for a domain.
 */
final class LinkScanner {

    private LinkScanner() {}

    static Links scan(char[] s, int length) {
        Scan scan = new Scan(s, length);
        scan.findTriggers();
        scan.urls();
        scan.emails();
        scan.bareDomains();
        return scan.result();
    }

    private static final class Scan {
        private final char[] s;
        private final int length;
        private int[] spans = new int[8];
        private int spanCount;
        private List<String> hosts;
        private final Positions colons = new Positions();
        private final Positions ats = new Positions();
        private final Positions dots = new Positions();

        Scan(char[] s, int length) {
            this.s = s;
            this.length = length;
        }

        void findTriggers() {
            for (int i = 0; i < length; i++) {
                char c = s[i];
                if (c == '.') {
                    dots.add(i);
                } else if (c == ':') {
                    colons.add(i);
                } else if (c == '@') {
                    ats.add(i);
                }
            }
        }

        void urls() {
            int skipUntil = 0;
            for (int k = 0; k < colons.count; k++) {
                int colon = colons.at[k];
                if (colon < skipUntil || colon + 2 >= length || s[colon + 1] != '/' || s[colon + 2] != '/') continue;
                int schemeStart = httpSchemeStart(colon);
                if (schemeStart < 0) continue;
                int end = trimTrailing(schemeStart, runEnd(colon + 3));
                int hostEnd = colon + 3;
                while (hostEnd < end && "/?#\\".indexOf(s[hostEnd]) < 0) {
                    hostEnd++;
                }
                addHost(RegistrableDomains.hostOf(new String(s, schemeStart, hostEnd - schemeStart)));
                addSpan(schemeStart, end);
                skipUntil = end;
            }
        }

        /** Start of {@code http} or {@code https} (any case) just before {@code colon}, or -1. */
        private int httpSchemeStart(int colon) {
            int start = colon;
            while (start > 0 && isAsciiLetter(s[start - 1])) {
                start--;
            }
            int len = colon - start;
            if (len != 4 && len != 5) return -1;
            if (start > 0 && Character.isLetterOrDigit(s[start - 1])) return -1;
            boolean http = (s[start] | 0x20) == 'h' && (s[start + 1] | 0x20) == 't'
                    && (s[start + 2] | 0x20) == 't' && (s[start + 3] | 0x20) == 'p';
            return http && (len == 4 || (s[start + 4] | 0x20) == 's') ? start : -1;
        }

        void emails() {
            int skipUntil = 0;
            for (int k = 0; k < ats.count; k++) {
                int at = ats.at[k];
                if (at < skipUntil || covered(at)) continue;
                int start = at;
                while (start > 0 && isLocalPartChar(s[start - 1])) {
                    start--;
                }
                int end = at + 1;
                while (end < length && isDomainChar(s[end])) {
                    end++;
                }
                end = trimDomainEnd(at + 1, end);
                if (start < at && hasInnerDot(at + 1, end)) {
                    addSpan(start, end);
                    skipUntil = end;
                }
            }
        }

        void bareDomains() {
            int skipUntil = 0;
            for (int k = 0; k < dots.count; k++) {
                int dot = dots.at[k];
                if (dot < skipUntil || dot == 0 || dot + 1 >= length || !isAsciiLetterOrDigit(s[dot - 1])
                        || !isAsciiLetterOrDigit(s[dot + 1]) || covered(dot)) {
                    continue;
                }
                int start = dot;
                while (start > 0 && isDomainChar(s[start - 1])) {
                    start--;
                }
                int end = dot + 1;
                while (end < length && isDomainChar(s[end])) {
                    end++;
                }
                int runEnd = end;
                skipUntil = runEnd;
                if ((start > 0 && (Character.isLetterOrDigit(s[start - 1]) || s[start - 1] == '@'))
                        || (end < length && Character.isLetterOrDigit(s[end]))) {
                    continue;
                }
                while (start < dot && (s[start] == '.' || s[start] == '-')) {
                    start++;
                }
                end = trimDomainEnd(dot + 1, end);
                String host = new String(s, start, end - start).toLowerCase(Locale.ROOT);
                if (lastLabelLooksLikeSuffix(start, end) && RegistrableDomains.hasPublicSuffix(host)) {
                    addHost(host);
                    int linkEnd = pathEnd(start, end);
                    addSpan(start, linkEnd);
                    skipUntil = Math.max(runEnd, linkEnd);
                }
            }
        }

        /** A bare domain's link goes on through {@code :port} and {@code /path}, up to white space. */
        private int pathEnd(int start, int hostEnd) {
            if (hostEnd < length && (s[hostEnd] == '/' || s[hostEnd] == ':')) {
                return trimTrailing(start, runEnd(hostEnd));
            }
            return hostEnd;
        }

        /** Letters only (or an IDN {@code xn--} label): rules out {@code 3.5}, {@code v1.2}. */
        private boolean lastLabelLooksLikeSuffix(int start, int end) {
            int labelStart = end;
            while (labelStart > start && s[labelStart - 1] != '.') {
                labelStart--;
            }
            if (end - labelStart < 2) return false;
            if (end - labelStart > 4 && s[labelStart] == 'x' && s[labelStart + 1] == 'n'
                    && s[labelStart + 2] == '-' && s[labelStart + 3] == '-') {
                return true;
            }
            for (int i = labelStart; i < end; i++) {
                if (!isAsciiLetter(s[i])) return false;
            }
            return true;
        }

        /** End of a URL: the first space (white space is already one space) or a char that closes it in prose. */
        private int runEnd(int from) {
            int end = from;
            while (end < length) {
                char c = s[end];
                if (c == ' ' || c == '<' || c == '>' || c == '"' || c == '`') break;
                end++;
            }
            return end;
        }

        /**
         * Drops trailing sentence punctuation, emphasis markers and closing brackets that have no
         * opening partner inside the URL ({@code (see https://x.com/a_(b))} keeps {@code a_(b)}).
         */
        private int trimTrailing(int start, int end) {
            while (end > start) {
                char c = s[end - 1];
                if (".,;:!?'*_".indexOf(c) >= 0) {
                    end--;
                } else if ((c == ')' || c == ']' || c == '}') && unmatched(start, end, c)) {
                    end--;
                } else {
                    break;
                }
            }
            return end;
        }

        private boolean unmatched(int start, int end, char close) {
            char open = close == ')' ? '(' : close == ']' ? '[' : '{';
            int depth = 0;
            for (int i = start; i < end; i++) {
                if (s[i] == open) depth++;
                else if (s[i] == close) depth--;
            }
            return depth < 0;
        }

        private int trimDomainEnd(int start, int end) {
            while (end > start && (s[end - 1] == '.' || s[end - 1] == '-')) {
                end--;
            }
            return end;
        }

        private boolean hasInnerDot(int start, int end) {
            for (int i = start + 1; i < end - 1; i++) {
                if (s[i] == '.' && s[i - 1] != '.' && s[i + 1] != '.') return true;
            }
            return false;
        }

        private boolean covered(int index) {
            for (int i = 0; i < spanCount; i++) {
                if (spans[2 * i] <= index && index < spans[2 * i + 1]) return true;
            }
            return false;
        }

        private void addSpan(int start, int end) {
            if (2 * spanCount + 2 > spans.length) spans = Arrays.copyOf(spans, spans.length * 2);
            spans[2 * spanCount] = start;
            spans[2 * spanCount + 1] = end;
            spanCount++;
        }

        private void addHost(String host) {
            if (host == null) return;
            if (hosts == null) hosts = new ArrayList<>(4);
            hosts.add(host);
        }

        Links result() {
            if (spanCount == 0) return Links.NONE;
            return new Links(Links.merged(spans, spanCount), hosts == null ? List.of() : hosts);
        }
    }

    /** Positions of one trigger char, in text order. */
    private static final class Positions {
        private int[] at = new int[16];
        private int count;

        void add(int position) {
            if (count == at.length) at = Arrays.copyOf(at, count * 2);
            at[count++] = position;
        }
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return isAsciiLetter(c) || (c >= '0' && c <= '9');
    }

    private static boolean isDomainChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '-' || c == '.';
    }

    private static boolean isLocalPartChar(char c) {
        return isAsciiLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
    }
}
