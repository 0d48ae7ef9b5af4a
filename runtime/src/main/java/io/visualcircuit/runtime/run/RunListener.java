package io.visualcircuit.runtime.run;

/**
 * Receives events of a run. Called on the runtime's own supervision threads, never on the FX
 * thread: implementations must be quick and hand work to their own thread.
 */
public interface RunListener {
    default void stateChanged(BlockStatus status) {
    }

    default void logLine(LogLine line) {
    }

    /** Every block has ended and every segment is removed. */
    default void runEnded() {
    }
}
