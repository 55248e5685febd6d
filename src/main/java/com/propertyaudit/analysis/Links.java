package com.propertyaudit.analysis;

import java.util.Arrays;
import java.util.List;

/**
 * Where an answer's URLs, bare domains and e-mail addresses are (rule 6: no name mention inside
 * them) and the hosts of the URLs and bare domains among them (rule 8: cited domains).
 *
 * @param spans sorted, non-overlapping {@code [start, end)} pairs in normalised-text offsets
 * @param hosts lower-case hosts in text order, repeats included
 */
record Links(int[] spans, List<String> hosts) {

    static final Links NONE = new Links(new int[0], List.of());

    /** True when {@code [start, end)} shares any char with a link. */
    boolean overlaps(int start, int end) {
        int lo = 0;
        int hi = spans.length / 2 - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (spans[2 * mid + 1] <= start) {
                lo = mid + 1;
            } else if (spans[2 * mid] >= end) {
                hi = mid - 1;
            } else {
                return true;
            }
        }
        return false;
    }

    /** Sorts and merges raw spans that may overlap (a bare domain's path can run into an e-mail). */
    static int[] merged(int[] raw, int count) {
        long[] packed = new long[count];
        for (int i = 0; i < count; i++) {
            packed[i] = ((long) raw[2 * i] << 32) | raw[2 * i + 1];
        }
        Arrays.sort(packed);
        int[] out = new int[count * 2];
        int n = 0;
        for (long p : packed) {
            int start = (int) (p >>> 32);
            int end = (int) p;
            if (n > 0 && start <= out[n - 1]) {
                out[n - 1] = Math.max(out[n - 1], end);
            } else {
                out[n++] = start;
                out[n++] = end;
            }
        }
        return Arrays.copyOf(out, n);
    }
}
