package io.visualcircuit.runtime.blocks;

/**
 * A computing block written in Java. A block process creates one instance, calls {@link #setup}
 * once, then {@link #step} at the block's rate (or on every new input when the rate is 0), then
 * {@link #teardown} once when stopping.
 *
 * <p>Threading: all three methods are called from the block process's single stepping thread, so
 * implementations keep plain fields and need no synchronisation.
 */
public interface JavaBlock {

    /** Called once before the first step. */
    default void setup(BlockContext context) {
    }

    /**
     * Reads the inputs, computes, and writes the outputs. An output not written in a step keeps its
     * previous value on the wire (and readers see no new sequence number).
     */
    void step(Inputs inputs, Outputs outputs, Params params);

    /** Called once after the last step. */
    default void teardown() {
    }
}
