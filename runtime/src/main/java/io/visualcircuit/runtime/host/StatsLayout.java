package io.visualcircuit.runtime.host;

/**
 * The layout of the stats wire every block process publishes about itself: a float64 array of
 * {@link #LENGTH} values, indexed by the constants below. The runtime reads it for
 * {@code Run.stats(blockId)}; the live view may attach to the segment directly.
 */
public final class StatsLayout {
    public static final int REQUESTED_RATE = 0;
    public static final int ACHIEVED_RATE = 1;
    public static final int LOOPS = 2;
    public static final int CPU_SECONDS = 3;
    public static final int RSS_BYTES = 4;
    public static final int LENGTH = 5;

    private StatsLayout() {
    }
}
