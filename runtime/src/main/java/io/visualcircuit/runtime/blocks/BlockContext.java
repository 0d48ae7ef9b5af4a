package io.visualcircuit.runtime.blocks;

/**
 * Timing of the current step, as the stepping loop measured it. The same instance is updated
 * before each step; read it inside {@link JavaBlock#step}, on the stepping thread only.
 */
public interface BlockContext {
    /** The block's id in the circuit. */
    String blockId();

    /** Real seconds elapsed between the previous step and this one (0 on the first step). */
    double dt();

    /** Real seconds since the block's first step. */
    double time();

    /** The requested rate in Hz, 0 for event-driven blocks. */
    double rate();
}
