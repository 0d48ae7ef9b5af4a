package io.visualcircuit.runtime.blocks;

/** The control blocks: a PID controller and a simulated first-order plant to close loops around. */
final class ControlBlocks {
    private ControlBlocks() {
    }

    /**
     * {@code pid}: {@code out = kp*e + I + kd*de/dt} with error {@code e = setpoint - measurement} and
     * {@code I} the integral of {@code ki*e} (accumulated as {@code ki*e*dt}, so a live edit of
     * {@code ki} changes the slope of I without a jump). The slope {@code de/dt} follows the rules of
     * the {@code derivative} block: 0 at first, measured between new input values, held between them
     * and 0 once the inputs rest.
     *
     * <p>{@code min} and {@code max} limit the output; each is unlimited when not given (or not a
     * number). Anti-windup: while the output is at a limit and the error pushes further into it,
     * the integral grows only as far as needed to reach the limit, and it never leaves [min, max]
     * itself, so the controller comes off the limit as soon as the error reverses.
     *
     * <p>Needs both inputs; writes nothing until both have a value.
     */
    static final class Pid extends TimedBlock {
        private final MathBlocks.Slope errorSlope = new MathBlocks.Slope();
        private double integral;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("setpoint") == null || inputs.get("measurement") == null) {
                return;
            }
            double e = inputs.number("setpoint", 0.0) - inputs.number("measurement", 0.0);
            double kp = params.number("kp", 1.0);
            double ki = params.number("ki", 0.0);
            double kd = params.number("kd", 0.0);
            double lo = limit(params, "min", Double.NEGATIVE_INFINITY);
            double hi = limit(params, "max", Double.POSITIVE_INFINITY);
            double dt = dt();

            boolean isNew = inputs.isNew("setpoint") || inputs.isNew("measurement");
            double derivative = kd * errorSlope.update(e, isNew, time());

            double p = kp * e;
            double candidate = integral + ki * e * dt;
            double unclamped = p + candidate + derivative;
            if (unclamped > hi && candidate > integral) {
                candidate = Math.min(candidate, Math.max(integral, hi - p - derivative));
            } else if (unclamped < lo && candidate < integral) {
                candidate = Math.max(candidate, Math.min(integral, lo - p - derivative));
            }
            integral = Math.max(lo, Math.min(hi, candidate));
            outputs.number("out", Math.max(lo, Math.min(hi, p + integral + derivative)));
        }

        private static double limit(Params params, String name, double unlimited) {
            double v = params.number(name, unlimited);
            return Double.isNaN(v) ? unlimited : v;
        }

        /** The integral term, for tests of the anti-windup. */
        double integral() {
            return integral;
        }
    }

    /**
     * {@code plant}: a simulated first-order system {@code tau * dy/dt = gain * u - y}, with input
     * {@code u} on {@code in} and output {@code y} starting at 0. Between two steps the input is held
     * at the value read on the earlier step (zero-order hold) and the equation is solved exactly,
     * {@code y = gain*u + (y - gain*u) * exp(-dt/tau)}, so the response matches the analytic one at
     * any rate and never goes unstable. A {@code tau} that is not positive makes y follow
     * {@code gain * u} at once. A missing input counts as 0 (an undriven system), so a loop whose
     * controller waits for the plant's first output can start.
     */
    static final class Plant extends TimedBlock {
        private double y;
        private double heldInput;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            double dt = dt();
            if (dt > 0) {
                double target = params.number("gain", 1.0) * heldInput;
                double tau = params.number("tau", 1.0);
                y = tau > 0 ? target + (y - target) * Math.exp(-dt / tau) : target;
            }
            heldInput = inputs.number("in", 0.0);
            outputs.number("out", y);
        }
    }
}
