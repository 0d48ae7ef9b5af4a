package io.visualcircuit.runtime.blocks;

/**
 * The math blocks: number inputs {@code a}, {@code b} or {@code in}, output {@code out}.
 *
 * <p>Shared rules: a block writes nothing while an input it needs has no value yet, so a half-wired
 * circuit shows "no value" downstream rather than a made-up 0. Arithmetic follows IEEE doubles and
 * never throws: {@code divide} by 0 gives +/-Infinity, and 0/0 gives NaN, which then propagates.
 * Stateful blocks sample their input once per step, at the block's rate.
 */
final class MathBlocks {
    /** Longest {@code moving-average} window, so a typo cannot exhaust a block process's heap. */
    static final int MAX_WINDOW = 1_000_000;

    private MathBlocks() {
    }

    enum ArithmeticOp { ADD, SUBTRACT, MULTIPLY, DIVIDE, MIN, MAX }

    /**
     * {@code add}, {@code subtract} (a - b), {@code multiply}, {@code divide} (a / b, IEEE result
     * for b = 0), {@code min}, {@code max} (NaN if either is NaN). Needs both {@code a} and {@code b}.
     */
    static final class Arithmetic implements JavaBlock {
        private final ArithmeticOp op;

        Arithmetic(ArithmeticOp op) {
            this.op = op;
        }

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("a") == null || inputs.get("b") == null) {
                return;
            }
            double a = inputs.number("a", Double.NaN);
            double b = inputs.number("b", Double.NaN);
            outputs.number("out", switch (op) {
                case ADD -> a + b;
                case SUBTRACT -> a - b;
                case MULTIPLY -> a * b;
                case DIVIDE -> a / b;
                case MIN -> Math.min(a, b);
                case MAX -> Math.max(a, b);
            });
        }
    }

    /** {@code gain}: {@code k * in}. */
    static final class Gain implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") != null) {
                outputs.number("out", params.number("k", 1.0) * inputs.number("in", 0.0));
            }
        }
    }

    /** {@code abs}: the absolute value of {@code in}. */
    static final class Abs implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") != null) {
                outputs.number("out", Math.abs(inputs.number("in", 0.0)));
            }
        }
    }

    /**
     * {@code clamp}: {@code in} limited to [low, high]. When {@code low > high} the output is
     * {@code low}, the same as {@code max(low, min(high, in))}.
     */
    static final class Clamp implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") != null) {
                double x = inputs.number("in", 0.0);
                outputs.number("out", Math.max(params.number("low", 0.0), Math.min(params.number("high", 1.0), x)));
            }
        }
    }

    /**
     * {@code compare}: the boolean {@code a op b} for {@code op} one of {@code < <= > >= == !=}
     * (exact double comparison; any comparison with NaN is false except {@code !=}). Needs both
     * inputs. An unknown {@code op} stops the block with a message listing the valid ones.
     */
    static final class Compare implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            String op = params.string("op", "<").trim();
            if (!isOperator(op)) {
                throw new IllegalArgumentException("compare: unknown op '" + op + "' (use one of <, <=, >, >=, ==, !=)");
            }
            if (inputs.get("a") == null || inputs.get("b") == null) {
                return;
            }
            double a = inputs.number("a", 0.0);
            double b = inputs.number("b", 0.0);
            outputs.bool("out", switch (op) {
                case "<" -> a < b;
                case "<=" -> a <= b;
                case ">" -> a > b;
                case ">=" -> a >= b;
                case "==" -> a == b;
                default -> a != b;
            });
        }

        static boolean isOperator(String op) {
            return switch (op) {
                case "<", "<=", ">", ">=", "==", "!=" -> true;
                default -> false;
            };
        }
    }

    /**
     * {@code expression}: evaluates {@code formula} (see {@link Expression}) of the inputs
     * {@code a b c d}. It writes nothing until every input the formula mentions has a value; inputs
     * the formula does not mention need no wire. The formula is compiled once and again only when
     * the parameter changes. A bad formula at the start stops the block with the parser's message;
     * a bad live edit is reported on standard error (the block's log) and the previous formula keeps
     * running, so a typo while editing does not kill a running circuit.
     */
    static final class ExpressionBlock implements JavaBlock {
        private static final String[] NAMES = {"a", "b", "c", "d"};
        private String lastText;
        private Expression expression;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            String text = params.string("formula", "a");
            if (!text.equals(lastText)) {
                lastText = text;
                try {
                    expression = Expression.compile(text);
                } catch (ExpressionException e) {
                    if (expression == null) {
                        throw new IllegalArgumentException("expression: bad formula \"" + text + "\": " + e.getMessage(), e);
                    }
                    System.err.println("expression: bad formula \"" + text + "\": " + e.getMessage()
                            + "; still using \"" + expression.formula() + "\"");
                }
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                if (expression.uses(NAMES[i])) {
                    if (inputs.get(NAMES[i]) == null) {
                        return;
                    }
                    v[i] = inputs.number(NAMES[i], Double.NaN);
                }
            }
            outputs.number("out", expression.evaluate(v[0], v[1], v[2], v[3]));
        }
    }

    /**
     * {@code derivative}: the slope between the two latest samples of {@code in},
     * {@code (x - previous x) / (time between them)}, 0 on the first value. A sample is a step where
     * the port has a new value (or a value different from the last sample); between samples the
     * slope is held. Measuring between samples rather than between steps keeps the output steady
     * when the input is written more slowly than this block steps, instead of alternating between
     * 0 and spikes.
     *
     * <p>When no new value comes for twice the last interval between values, the input is taken
     * to be at rest and the output drops to 0, so the slope of a slider that was let go does not
     * stay on forever. (A single jump after a long pause is spread over that pause, which is the
     * most a sampled signal can tell.)
     */
    static final class Derivative extends TimedBlock {
        private final Slope slope = new Slope();

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") == null) {
                return;
            }
            outputs.number("out", slope.update(inputs.number("in", 0.0), inputs.isNew("in"), time()));
        }
    }

    /**
     * The slope of a sampled signal, shared by {@code derivative} and the D term of {@code pid}: see
     * {@link Derivative} for the rules.
     */
    static final class Slope {
        private boolean started;
        private double previous;
        private double previousTime;
        private double interval = Double.NaN;
        private double slope;

        /**
         * @param x     the signal now
         * @param isNew whether the signal was written since the previous step
         * @param now   seconds since the start
         * @return the current slope
         */
        double update(double x, boolean isNew, double now) {
            double elapsed = now - previousTime;
            if (!started) {
                started = true;
                previous = x;
                previousTime = now;
            } else if ((isNew || Double.compare(x, previous) != 0) && elapsed > 0) {
                slope = (x - previous) / elapsed;
                interval = elapsed;
                previous = x;
                previousTime = now;
            } else if (elapsed >= 2 * interval) {
                slope = 0.0;
            }
            return slope;
        }
    }

    /**
     * {@code integrator}: {@code initial} plus the integral of {@code in} over time, by the
     * trapezoidal rule between consecutive steps. It starts (outputting {@code initial}) on the
     * first step where {@code in} has a value; {@code initial} is read only then.
     */
    static final class Integrator extends InputFollower {
        private double previous;
        private double sum;

        @Override
        double first(double x, Params params) {
            sum = params.number("initial", 0.0);
            previous = x;
            return sum;
        }

        @Override
        double next(double x, Params params) {
            sum += 0.5 * (previous + x) * dt();
            previous = x;
            return sum;
        }
    }

    /**
     * Base of the blocks whose output follows {@code in} from its first value on: they wait until
     * {@code in} has a value, start their state from that sample, then update it on every step.
     */
    abstract static class InputFollower extends TimedBlock {
        private boolean started;

        @Override
        public final void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") == null) {
                return;
            }
            double x = inputs.number("in", 0.0);
            double out;
            if (!started) {
                started = true;
                out = first(x, params);
            } else {
                out = next(x, params);
            }
            outputs.number("out", out);
        }

        /** Starts the state from the first sample of {@code in}; returns the output. */
        abstract double first(double x, Params params);

        /** Updates the state with a later sample of {@code in}; returns the output. */
        abstract double next(double x, Params params);
    }

    /**
     * {@code moving-average}: the mean of the last {@code window} samples of {@code in} (one sample
     * per step; fewer while the block is starting). {@code window} is rounded to an integer and
     * limited to [1, {@value MathBlocks#MAX_WINDOW}]; shrinking it live drops the oldest samples.
     */
    static final class MovingAverage implements JavaBlock {
        /** The latest samples, oldest first from {@code head}; primitive so a long window stays small. */
        private double[] ring = new double[0];
        private int head;
        private int count;
        private double sum;
        private int stepsSinceResum;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") == null) {
                return;
            }
            int window = window(params.number("window", 10.0));
            if (window != ring.length) {
                resize(window);
            }
            double x = inputs.number("in", 0.0);
            boolean resum = !Double.isFinite(x) || !Double.isFinite(sum) || ++stepsSinceResum >= window;
            if (count == window) {
                sum -= ring[head];
            } else {
                count++;
            }
            ring[head] = x;
            head = (head + 1) % window;
            sum += x;
            if (resum) {
                // A running sum drifts and would stay NaN or infinite after such a sample left the
                // window; summing afresh now and then keeps it exact at O(1) per step on average.
                resumAll();
            }
            outputs.number("out", sum / count);
        }

        private void resize(int window) {
            int keep = Math.min(count, window);
            double[] next = new double[window];
            for (int i = 0; i < keep; i++) {
                // Newest samples sit just before head.
                int from = Math.floorMod(head - keep + i, Math.max(ring.length, 1));
                next[i] = ring[from];
            }
            ring = next;
            count = keep;
            head = keep % window;
            resumAll();
        }

        private void resumAll() {
            double s = 0.0;
            for (int i = 0; i < count; i++) {
                s += ring[i];
            }
            sum = s;
            stepsSinceResum = 0;
        }

        static int window(double requested) {
            if (!(requested >= 1.0)) {
                return 1;
            }
            return (int) Math.min(MAX_WINDOW, Math.round(requested));
        }
    }

    /**
     * {@code low-pass}: a first-order low-pass filter with cutoff frequency {@code cutoff} (Hz),
     * {@code y += alpha * (in - y)} with {@code alpha = dt / (dt + 1 / (2 pi cutoff))}, so it adapts to
     * the real time between steps. The output starts at the first input value. A cutoff that is
     * not positive holds the output (the limit of a vanishing cutoff).
     */
    static final class LowPass extends InputFollower {
        private double y;

        @Override
        double first(double x, Params params) {
            y = x;
            return y;
        }

        @Override
        double next(double x, Params params) {
            y += alpha(dt(), params.number("cutoff", 1.0)) * (x - y);
            return y;
        }

        static double alpha(double dt, double cutoff) {
            if (dt <= 0 || !(cutoff > 0)) {
                return 0.0;
            }
            return dt / (dt + 1.0 / (2 * Math.PI * cutoff));
        }
    }
}
