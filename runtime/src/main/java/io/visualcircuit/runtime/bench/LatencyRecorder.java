package io.visualcircuit.runtime.bench;

import java.util.Arrays;

/**
 * Collects latency samples in a preallocated array (no allocation while measuring) and reports
 * percentiles over all but the first tenth of them, which cover JIT warm-up. Used by one thread.
 */
final class LatencyRecorder {
    private final long[] samples;
    private int count;

    LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    void record(long nanos) {
        if (count < samples.length) {
            samples[count++] = nanos;
        }
    }

    /**
     * {@code stats COUNT P50 P99 P999 RECEIVED}: percentiles in nanoseconds over the COUNT samples
     * kept after warm-up, and how many were recorded in all; the line children print for the parent.
     */
    String statsLine() {
        long[] sorted = Arrays.copyOfRange(samples, count / 10, count);
        Arrays.sort(sorted);
        return "stats " + sorted.length + " " + percentile(sorted, 0.50) + " " + percentile(sorted, 0.99) + " "
                + percentile(sorted, 0.999) + " " + count;
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return -1;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
