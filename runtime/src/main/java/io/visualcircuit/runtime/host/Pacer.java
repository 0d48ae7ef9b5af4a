package io.visualcircuit.runtime.host;

import java.util.concurrent.locks.LockSupport;

/**
 * Holds a block to its rate. Deadlines are absolute (each one period after the previous deadline,
 * not after the end of the step), so the average rate is exact whatever the step costs; the thread
 * parks until just before a deadline and spins the last fraction of a millisecond, because a parked
 * thread wakes tens of microseconds late. A block delayed by a few periods (the machine was busy
 * for a moment) catches up by stepping at up to twice its rate, so its rate over a few seconds
 * stays exact while every value still has time to travel down an event-driven chain; one that
 * falls further behind drops the lost steps instead of bursting. Used by the stepping thread only.
 */
public final class Pacer {
    private static final long SPIN_NANOS = 150_000;
    private static final long MAX_PARK_NANOS = 20_000_000;
    /** How many periods late a block may be and still catch up. */
    private static final int MAX_BACKLOG = 5;

    private final long periodNanos;
    private long next;

    public Pacer(double rateHz) {
        if (!(rateHz > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + rateHz);
        }
        this.periodNanos = Math.max(1, Math.round(1e9 / rateHz));
    }

    public void start(long nowNanos) {
        next = nowNanos + periodNanos;
    }

    /**
     * Waits for the next deadline. Returns false as soon as {@code control} asks to stop (checked
     * at least every 20 ms).
     */
    public boolean await(ControlChannel control) {
        while (true) {
            if (control != null && control.stopRequested()) {
                return false;
            }
            long left = next - System.nanoTime();
            if (left <= 0) {
                break;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(Math.min(left - SPIN_NANOS, MAX_PARK_NANOS));
            } else {
                Thread.onSpinWait();
            }
        }
        long now = System.nanoTime();
        next += periodNanos;
        if (now - next > MAX_BACKLOG * periodNanos) {
            next = now + periodNanos;
        } else if (next - now < periodNanos / 2) {
            // Catch up at most at twice the rate: back-to-back steps would publish values faster
            // than event-driven readers downstream can take them, and latest-value wires drop them.
            next = now + periodNanos / 2;
        }
        return true;
    }
}
