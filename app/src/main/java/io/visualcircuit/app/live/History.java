package io.visualcircuit.app.live;

/**
 * Recent numeric values of a wire with the time each was seen, oldest first. Immutable snapshot
 * (the arrays are private copies), so it can cross from the sampler thread to the FX thread.
 *
 * @param times  seconds on the sampler's clock (see {@link LiveFrame#timeSeconds()})
 * @param values the value seen at each time (booleans as 0/1)
 */
public record History(double[] times, double[] values) {
    public static final History EMPTY = new History(new double[0], new double[0]);

    public int size() {
        return times.length;
    }

    /** The entries whose time is at or after {@code fromSeconds}, as a new snapshot. */
    public History since(double fromSeconds) {
        int i = 0;
        while (i < times.length && times[i] < fromSeconds) {
            i++;
        }
        if (i == 0) {
            return this;
        }
        double[] t = new double[times.length - i];
        double[] v = new double[times.length - i];
        System.arraycopy(times, i, t, 0, t.length);
        System.arraycopy(values, i, v, 0, v.length);
        return new History(t, v);
    }
}
