package io.visualcircuit.runtime.blocks;

import java.util.Random;

/**
 * The source blocks: no inputs, one output {@code out}, written on every step.
 *
 * <p>Periodic sources advance their phase by {@code frequency * dt} on each step instead of
 * computing {@code frequency * time}, so a live edit of the frequency changes the pitch without
 * making the wave jump.
 */
final class SourceBlocks {
    private SourceBlocks() {
    }

    /** Fractional part in [0, 1), so a long run keeps full precision in the phase. */
    static double wrap(double cycles) {
        double f = cycles - Math.floor(cycles);
        return f >= 1.0 ? 0.0 : f;
    }

    /**
     * {@code sine}: {@code offset + amplitude * sin(2 pi * cycles + phase)}, where cycles grows by
     * {@code frequency * dt} each step (so it equals {@code frequency * t} while the frequency is
     * unchanged) and {@code phase} is in degrees.
     */
    static final class Sine extends TimedBlock {
        private double cycles;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            cycles = wrap(cycles + params.number("frequency", 1.0) * dt());
            double phase = Math.toRadians(params.number("phase", 0.0));
            outputs.number("out", params.number("offset", 0.0)
                    + params.number("amplitude", 1.0) * Math.sin(2 * Math.PI * cycles + phase));
        }
    }

    /**
     * {@code square}: {@code +amplitude} during the first {@code duty} fraction of each period and
     * {@code -amplitude} for the rest, symmetric around 0 like {@code sine}. {@code duty} is clamped
     * to [0, 1].
     */
    static final class Square extends TimedBlock {
        private double cycles;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            cycles = wrap(cycles + params.number("frequency", 1.0) * dt());
            double duty = Math.max(0.0, Math.min(1.0, params.number("duty", 0.5)));
            double amplitude = params.number("amplitude", 1.0);
            outputs.number("out", cycles < duty ? amplitude : -amplitude);
        }
    }

    /**
     * {@code ramp}: {@code start} plus the integral of {@code slope} over time, which is
     * {@code start + slope * t} while the slope is unchanged; a live slope edit bends the ramp
     * instead of making it jump.
     */
    static final class Ramp extends TimedBlock {
        private double rise;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            rise += params.number("slope", 1.0) * dt();
            outputs.number("out", params.number("start", 0.0) + rise);
        }
    }

    /** {@code step}: {@code before} while {@code t < time}, then {@code after}. */
    static final class Step extends TimedBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            boolean after = time() >= params.number("time", 1.0);
            outputs.number("out", after ? params.number("after", 1.0) : params.number("before", 0.0));
        }
    }

    /**
     * {@code noise}: uniform random values in [-amplitude, amplitude]. The sequence is a function of
     * {@code seed} alone, so a run can be repeated exactly; give two noise blocks different seeds to
     * make them independent. Changing the seed while running restarts the sequence from that seed.
     */
    static final class Noise implements JavaBlock {
        private Random random;
        private long seed;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            long wanted = (long) params.number("seed", 0.0);
            if (random == null || wanted != seed) {
                seed = wanted;
                random = new Random(wanted);
            }
            double amplitude = params.number("amplitude", 1.0);
            outputs.number("out", amplitude * (2.0 * random.nextDouble() - 1.0));
        }
    }

    /**
     * {@code counter}: {@code start} on the first step, then {@code step} more on every step after.
     * Live edits of {@code step} apply from the next step; {@code start} only matters at the start.
     */
    static final class Counter implements JavaBlock {
        private boolean started;
        private double value;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (started) {
                value += params.number("step", 1.0);
            } else {
                value = params.number("start", 0.0);
                started = true;
            }
            outputs.number("out", value);
        }
    }

    /**
     * {@code clock}: a boolean that is true for the first half of each {@code period} (seconds) and
     * false for the second half, starting true. A period that is not a positive number stops the
     * clock where it is.
     */
    static final class Clock extends TimedBlock {
        private double cycles;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            double period = params.number("period", 1.0);
            if (period > 0 && Double.isFinite(period)) {
                cycles = wrap(cycles + dt() / period);
            }
            outputs.bool("out", cycles < 0.5);
        }
    }

    /** {@code text}: the string parameter {@code value}. */
    static final class Text implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            outputs.string("out", params.string("value", ""));
        }
    }
}
