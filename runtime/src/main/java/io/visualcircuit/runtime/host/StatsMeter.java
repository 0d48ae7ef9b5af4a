package io.visualcircuit.runtime.host;

/**
 * Measures a block's achieved rate over the last second and assembles the figures of its stats
 * wire (see {@link StatsLayout}). Owned by the stepping thread.
 */
public final class StatsMeter {
    /** How often figures are published. */
    public static final long PUBLISH_NANOS = 250_000_000L;
    private static final int HISTORY = 5;

    private final double requestedRate;
    private final long[] times = new long[HISTORY];
    private final long[] counts = new long[HISTORY];
    private int filled;
    private int head;
    private long loops;
    private long nextPublish;

    public StatsMeter(double requestedRate, long nowNanos) {
        this.requestedRate = requestedRate;
        this.nextPublish = nowNanos;
        record(nowNanos);
    }

    public void countStep() {
        loops++;
    }

    public long loops() {
        return loops;
    }

    /** True when it is time to publish (every quarter of a second). */
    public boolean due(long nowNanos) {
        return nowNanos >= nextPublish;
    }

    /** The figures to publish now; also moves the measuring window. */
    public double[] figures(long nowNanos) {
        nextPublish = nowNanos + PUBLISH_NANOS;
        record(nowNanos);
        // The oldest sample kept is about one second old (five samples a quarter-second apart).
        int oldest = filled < HISTORY ? 0 : head;
        double span = (nowNanos - times[oldest]) / 1e9;
        long stepped = loops - counts[oldest];
        double achieved = span > 0.05 ? stepped / span : 0.0;
        double[] f = new double[StatsLayout.LENGTH];
        f[StatsLayout.REQUESTED_RATE] = requestedRate;
        f[StatsLayout.ACHIEVED_RATE] = achieved;
        f[StatsLayout.LOOPS] = loops;
        f[StatsLayout.CPU_SECONDS] = ProcSelf.cpuSeconds("self");
        f[StatsLayout.RSS_BYTES] = ProcSelf.rssBytes("self");
        return f;
    }

    private void record(long nowNanos) {
        times[head] = nowNanos;
        counts[head] = loops;
        head = (head + 1) % HISTORY;
        if (filled < HISTORY) {
            filled++;
        }
    }
}
