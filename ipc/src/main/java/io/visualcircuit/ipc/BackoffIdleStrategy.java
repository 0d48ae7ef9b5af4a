package io.visualcircuit.ipc;

import java.util.concurrent.locks.LockSupport;

/**
 * An {@link IdleStrategy} that backs off in three phases: spin (cheapest wake-up, costs a core),
 * then {@link Thread#yield()} (lets other threads of the machine run), then
 * {@link LockSupport#parkNanos(long)} for a time that doubles from a minimum up to a maximum. A
 * reader that polls this way reacts within nanoseconds to a busy wire and costs almost no CPU on
 * an idle one; the price, unlike a futex wait, is up to the maximum park time of extra latency
 * after a long silence.
 *
 * <p>Thread ownership: an instance counts its own progress through the phases and belongs to one
 * reader thread; it is not thread-safe. {@link #reset()} (which {@link WireReader#poll} calls at
 * the start of every poll) returns it to the spinning phase.
 */
public final class BackoffIdleStrategy implements IdleStrategy {
    /** Default number of spins before yielding. */
    public static final int DEFAULT_MAX_SPINS = 100;
    /** Default number of yields before parking. */
    public static final int DEFAULT_MAX_YIELDS = 20;
    /** Default first park time: a microsecond. */
    public static final long DEFAULT_MIN_PARK_NANOS = 1_000;
    /** Default longest park time: a millisecond, so an idle wire costs about a thousand wake-ups a second. */
    public static final long DEFAULT_MAX_PARK_NANOS = 1_000_000;

    /** Where the strategy is in its backoff. */
    public enum Phase {
        /** Calling {@link Thread#onSpinWait()}. */
        SPINNING,
        /** Calling {@link Thread#yield()}. */
        YIELDING,
        /** Calling {@link LockSupport#parkNanos(long)}. */
        PARKING
    }

    private final int maxSpins;
    private final int maxYields;
    private final long minParkNanos;
    private final long maxParkNanos;

    private Phase phase = Phase.SPINNING;
    private int spins;
    private int yields;
    private long parks;
    private long parkNanos;

    /** A strategy with the default phase lengths. */
    public BackoffIdleStrategy() {
        this(DEFAULT_MAX_SPINS, DEFAULT_MAX_YIELDS, DEFAULT_MIN_PARK_NANOS, DEFAULT_MAX_PARK_NANOS);
    }

    /**
     * @param maxSpins     spins before the first yield (0 skips spinning)
     * @param maxYields    yields before the first park (0 skips yielding)
     * @param minParkNanos first park time, at least 1
     * @param maxParkNanos longest park time, at least {@code minParkNanos}
     * @throws IllegalArgumentException for negative counts or park times out of order
     */
    public BackoffIdleStrategy(int maxSpins, int maxYields, long minParkNanos, long maxParkNanos) {
        if (maxSpins < 0 || maxYields < 0) {
            throw new IllegalArgumentException("spin and yield counts must not be negative: " + maxSpins + ", " + maxYields);
        }
        if (minParkNanos < 1 || maxParkNanos < minParkNanos) {
            throw new IllegalArgumentException("park times must satisfy 1 <= min <= max: " + minParkNanos + ", " + maxParkNanos);
        }
        this.maxSpins = maxSpins;
        this.maxYields = maxYields;
        this.minParkNanos = minParkNanos;
        this.maxParkNanos = maxParkNanos;
        reset();
    }

    @Override
    public void idle() {
        switch (phase) {
            case SPINNING -> {
                if (spins < maxSpins) {
                    spins++;
                    Thread.onSpinWait();
                    return;
                }
                phase = Phase.YIELDING;
                idle();
            }
            case YIELDING -> {
                if (yields < maxYields) {
                    yields++;
                    Thread.yield();
                    return;
                }
                phase = Phase.PARKING;
                idle();
            }
            case PARKING -> {
                long sleep = parkNanos;
                parks++;
                parkNanos = doubled(sleep, maxParkNanos);
                LockSupport.parkNanos(sleep);
            }
            default -> throw new IllegalStateException("unknown phase " + phase);
        }
    }

    /** Twice {@code park}, capped at {@code max} without ever overflowing. */
    static long doubled(long park, long max) {
        return park > max / 2 ? max : park * 2;
    }

    @Override
    public void reset() {
        phase = Phase.SPINNING;
        spins = 0;
        yields = 0;
        parks = 0;
        parkNanos = minParkNanos;
    }

    /** The phase the next {@link #idle()} starts in. */
    public Phase phase() {
        return phase;
    }

    /** Spins since the last reset. */
    public int spins() {
        return spins;
    }

    /** Yields since the last reset. */
    public int yields() {
        return yields;
    }

    /** Parks since the last reset. */
    public long parks() {
        return parks;
    }

    /** How long the next park will sleep. */
    public long nextParkNanos() {
        return parkNanos;
    }

    @Override
    public String toString() {
        return "BackoffIdleStrategy[spins=" + maxSpins + ", yields=" + maxYields + ", park=" + minParkNanos + ".."
                + maxParkNanos + " ns]";
    }
}
