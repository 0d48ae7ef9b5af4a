package io.visualcircuit.runtime.blocks;

/**
 * Base of blocks that depend on time: keeps the {@link BlockContext} given in {@link #setup} and
 * reads its step timing defensively, so a clock glitch (a negative or non-finite dt) can never
 * poison a block's state.
 */
abstract class TimedBlock implements JavaBlock {
    private BlockContext context;

    @Override
    public void setup(BlockContext context) {
        this.context = context;
    }

    /** Seconds since the previous step; 0 on the first step and whenever the clock misbehaves. */
    final double dt() {
        double dt = requireContext().dt();
        return Double.isFinite(dt) && dt > 0 ? dt : 0.0;
    }

    /** Seconds since the first step. */
    final double time() {
        double t = requireContext().time();
        return Double.isFinite(t) && t > 0 ? t : 0.0;
    }

    private BlockContext requireContext() {
        if (context == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " stepped before setup");
        }
        return context;
    }
}
