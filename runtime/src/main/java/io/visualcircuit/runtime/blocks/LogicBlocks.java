package io.visualcircuit.runtime.blocks;

import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The logic blocks: boolean inputs {@code a}, {@code b} or {@code in}, output {@code out}. A number
 * on a boolean input counts as true when it is not 0. Like the math blocks, a block writes nothing
 * while an input it needs has no value yet.
 */
final class LogicBlocks {
    private LogicBlocks() {
    }

    enum LogicOp { AND, OR, XOR }

    /** {@code and}, {@code or}, {@code xor} of {@code a} and {@code b}; needs both. */
    static final class Gate implements JavaBlock {
        private final LogicOp op;

        Gate(LogicOp op) {
            this.op = op;
        }

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("a") == null || inputs.get("b") == null) {
                return;
            }
            boolean a = inputs.bool("a", false);
            boolean b = inputs.bool("b", false);
            outputs.bool("out", switch (op) {
                case AND -> a && b;
                case OR -> a || b;
                case XOR -> a ^ b;
            });
        }
    }

    /** {@code not}: the negation of {@code in}. */
    static final class Not implements JavaBlock {
        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") != null) {
                outputs.bool("out", !inputs.bool("in", false));
            }
        }
    }

    /**
     * {@code rising-edge}: true for exactly one step when {@code in} goes from false to true, false
     * otherwise. The first value seen is the reference, so an input that is already true at the
     * start is not an edge. Because the pulse lasts one step, a reader slower than this block may
     * miss it; run the reader at the same or a higher rate.
     */
    static final class RisingEdge implements JavaBlock {
        private Boolean previous;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") == null) {
                return;
            }
            boolean now = inputs.bool("in", false);
            boolean edge = previous != null && !previous && now;
            previous = now;
            outputs.bool("out", edge);
        }
    }

    /**
     * {@code toggle}: a boolean state, false at the start, that flips on every rising edge of
     * {@code in} (with the same edge rule as {@code rising-edge}). It writes its state on every
     * step, also before {@code in} has a value.
     */
    static final class Toggle implements JavaBlock {
        private Boolean previous;
        private boolean state;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            if (inputs.get("in") != null) {
                boolean now = inputs.bool("in", false);
                if (previous != null && !previous && now) {
                    state = !state;
                }
                previous = now;
            }
            outputs.bool("out", state);
        }
    }

    /**
     * {@code delay}: outputs its input (of any type) {@code seconds} later. Each step samples the
     * input and keeps it in a time-stamped queue when it differs from the last kept value (for
     * images and arrays: when the port reports a new value); each step then outputs the newest kept
     * value that is at least {@code seconds} old, and nothing until such a value exists.
     *
     * <p>Memory is bounded: at most {@value #MAX_ENTRIES} values and about {@value #MAX_BYTES} bytes
     * of image or array data wait in the queue; beyond that the oldest waiting values are dropped
     * (the output skips them) and one warning goes to the block's log. A delay should run at a
     * rate: when event-driven it only steps, and so only releases values, when its input changes.
     */
    static final class Delay extends TimedBlock {
        static final int MAX_ENTRIES = 100_000;
        static final long MAX_BYTES = 32L * 1024 * 1024;

        private record Entry(double time, Object value, long bytes) {
        }

        private final ArrayDeque<Entry> queue = new ArrayDeque<>();
        private Object lastKept;
        private Entry current;
        private long queuedBytes;
        private boolean warned;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            double now = time();
            Object value = inputs.get("in");
            if (value != null && isChange(value, inputs.isNew("in"))) {
                // An input frame's pixels are reused for later frames; a queued one needs its own.
                Object kept = value instanceof ImageFrame f
                        ? new ImageFrame(f.height(), f.width(), f.channels(), f.pixels().clone()) : value;
                Entry e = new Entry(now, kept, sizeOf(kept));
                queue.addLast(e);
                queuedBytes += e.bytes;
                lastKept = value;
                trim();
            }
            double seconds = params.number("seconds", 1.0);
            // A microsecond of slack so that rounding in summed step times cannot hold a value back a step.
            double due = now - (seconds > 0 ? seconds : 0.0) + 1e-6;
            while (!queue.isEmpty() && queue.peekFirst().time <= due) {
                current = queue.pollFirst();
                queuedBytes -= current.bytes;
            }
            if (current != null) {
                outputs.put("out", current.value);
            }
        }

        private boolean isChange(Object value, boolean isNew) {
            if (lastKept == null) {
                return true;
            }
            if (value instanceof ImageFrame || value instanceof double[]) {
                // Comparing pixels every step would cost more than the delay itself; trust the port.
                return isNew;
            }
            return !Objects.equals(value, lastKept);
        }

        private void trim() {
            while (queue.size() > MAX_ENTRIES || (queuedBytes > MAX_BYTES && queue.size() > 1)) {
                queuedBytes -= queue.pollFirst().bytes;
                if (!warned) {
                    warned = true;
                    System.err.println("delay: too much data waiting (over " + MAX_ENTRIES + " values or "
                            + (MAX_BYTES >> 20) + " MiB); dropping the oldest values");
                }
            }
        }

        /** How many values wait in the queue, for tests of the memory bound. */
        int waiting() {
            return queue.size();
        }

        long waitingBytes() {
            return queuedBytes;
        }

        private static long sizeOf(Object value) {
            if (value instanceof ImageFrame f) {
                return f.pixels().length;
            }
            if (value instanceof double[] a) {
                return 8L * a.length;
            }
            if (value instanceof String s) {
                return 2L * s.length();
            }
            return 16;
        }
    }
}
