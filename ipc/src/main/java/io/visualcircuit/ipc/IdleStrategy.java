package io.visualcircuit.ipc;

/**
 * What a polling reader does between two looks at a wire that had nothing new: burn a few cycles,
 * give the core away, or sleep. Used by {@link WireReader#poll(long, long, IdleStrategy)}, which
 * never takes a lock and never sleeps on the wire's futex, so the writer's publish costs nothing
 * extra for a polling reader.
 *
 * <p>Thread ownership: an instance that keeps state (such as {@link BackoffIdleStrategy}) belongs
 * to the one thread that polls with it and must not be shared; give every reader thread its own.
 * The {@link #busySpin()} strategy keeps no state and may be shared freely.
 */
public interface IdleStrategy {

    /** Called once per empty look at the wire; may return at once, yield or park the caller. */
    void idle();

    /** Forgets any backoff so that the next {@link #idle()} is as cheap as the first one. */
    void reset();

    /**
     * Never gives the core away: lowest latency, one full core per waiting reader. Stateless and
     * shareable between threads.
     */
    static IdleStrategy busySpin() {
        return BusySpin.INSTANCE;
    }

    /** The shared stateless spinning strategy. */
    enum BusySpin implements IdleStrategy {
        INSTANCE;

        @Override
        public void idle() {
            Thread.onSpinWait();
        }

        @Override
        public void reset() {
        }
    }
}
