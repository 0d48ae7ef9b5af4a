package io.visualcircuit.runtime.blocks;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Steps one block outside a block process, with controllable time. Inputs set between two steps
 * count as new in the next step; {@link #out(String)} is what the latest step wrote (null when it
 * wrote nothing on that port).
 */
final class BlockHarness {
    final JavaBlock block;
    final FakeContext context = new FakeContext("test-block");
    final FakeParams params = new FakeParams();
    final FakeInputs inputs = new FakeInputs();
    final FakeOutputs outputs = new FakeOutputs();
    private boolean setUp;
    private boolean started;

    private BlockHarness(JavaBlock block) {
        this.block = block;
    }

    static BlockHarness of(String type) {
        return new BlockHarness(BlockLibrary.create(type));
    }

    BlockHarness param(String name, Object value) {
        params.values.put(name, value);
        return this;
    }

    BlockHarness input(String port, Object value) {
        inputs.set(port, value);
        return this;
    }

    BlockHarness noInput(String port) {
        inputs.clear(port);
        return this;
    }

    /** The first step, at time 0 with dt 0. */
    BlockHarness start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        runStep();
        return this;
    }

    /** A later step, {@code dt} seconds after the previous one. */
    BlockHarness step(double dt) {
        if (!started) {
            throw new IllegalStateException("call start() first");
        }
        context.advance(dt);
        runStep();
        return this;
    }

    /** Steps {@code n} times, {@code dt} apart. */
    BlockHarness steps(int n, double dt) {
        for (int i = 0; i < n; i++) {
            step(dt);
        }
        return this;
    }

    Object out(String port) {
        return outputs.lastStep.get(port);
    }

    Object out() {
        return out("out");
    }

    double number() {
        Object v = out();
        if (!(v instanceof Double d)) {
            throw new AssertionError("expected a number on out, got " + v);
        }
        return d;
    }

    boolean bool() {
        Object v = out();
        if (!(v instanceof Boolean b)) {
            throw new AssertionError("expected a boolean on out, got " + v);
        }
        return b;
    }

    boolean wrote() {
        return outputs.lastStep.containsKey("out");
    }

    private void runStep() {
        if (!setUp) {
            setUp = true;
            block.setup(context);
        }
        outputs.lastStep.clear();
        block.step(inputs, outputs, params);
        inputs.fresh.clear();
    }

    /** Step timing the test sets explicitly. */
    static final class FakeContext implements BlockContext {
        private final String id;
        private double dt;
        private double time;

        FakeContext(String id) {
            this.id = id;
        }

        void advance(double seconds) {
            dt = seconds;
            time += seconds;
        }

        @Override
        public String blockId() {
            return id;
        }

        @Override
        public double dt() {
            return dt;
        }

        @Override
        public double time() {
            return time;
        }

        @Override
        public double rate() {
            return 30;
        }
    }

    static final class FakeParams implements Params {
        final Map<String, Object> values = new HashMap<>();

        @Override
        public Object get(String name) {
            return values.get(name);
        }
    }

    static final class FakeInputs implements Inputs {
        private final Map<String, Object> values = new HashMap<>();
        private final Set<String> fresh = new HashSet<>();

        void set(String port, Object value) {
            values.put(port, value);
            fresh.add(port);
        }

        void clear(String port) {
            values.remove(port);
            fresh.remove(port);
        }

        @Override
        public Object get(String port) {
            return values.get(port);
        }

        @Override
        public boolean isNew(String port) {
            return fresh.contains(port);
        }
    }

    static final class FakeOutputs implements Outputs {
        final Map<String, Object> lastStep = new LinkedHashMap<>();

        @Override
        public void put(String port, Object value) {
            if (value == null) {
                throw new AssertionError("a block wrote null on " + port);
            }
            if (lastStep.containsKey(port)) {
                throw new AssertionError("a block wrote twice on " + port + " in one step");
            }
            lastStep.put(port, value);
        }
    }
}
