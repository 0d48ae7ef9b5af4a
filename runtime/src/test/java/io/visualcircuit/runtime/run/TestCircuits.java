package io.visualcircuit.runtime.run;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.host.WireValues;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/** Builders and waiting functions shared by the end-to-end tests of the runner. */
final class TestCircuits {
    private final List<Block> blocks = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();

    static TestCircuits circuit() {
        return new TestCircuits();
    }

    /** Adds a block; {@code params} alternate names and values. */
    TestCircuits block(String id, String type, Double rate, Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        blocks.add(Block.of(id, type, 0, 0).withParams(p).withRate(rate));
        return this;
    }

    TestCircuits python(String id, Double rate, List<PortSpec> inputs, List<PortSpec> outputs, String code,
                        Object... params) {
        block(id, "python", rate, params);
        Block b = blocks.remove(blocks.size() - 1);
        blocks.add(b.withPorts(inputs, outputs).withCode(code));
        return this;
    }

    TestCircuits wire(String from, String to) {
        wires.add(new Wire(PortRef.parse(from), PortRef.parse(to)));
        return this;
    }

    Circuit build() {
        return new Circuit("test", null, blocks, wires, List.of());
    }

    /** Options for tests: quick stops, and logs kept in the given folder when not null. */
    static RunOptions options() {
        return RunOptions.defaults().withStopGrace(Duration.ofMillis(1500));
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the wire of {@code sourcePort} carries a value that {@code accept} takes, and returns it. */
    static Object awaitValue(Run run, String sourcePort, Duration timeout, Predicate<Object> accept)
            throws InterruptedException {
        WireInfo info = run.wire(sourcePort).orElseThrow(() -> new AssertionError("no wire " + sourcePort));
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = null;
        try (WireReader r = WireReader.open(info.segment())) {
            long seq = 0;
            while (System.nanoTime() < deadline) {
                Sample s = r.await(seq, 50_000_000L);
                if (s == null) {
                    continue;
                }
                seq = s.sequence();
                last = WireValues.toObject(s.value());
                if (accept.test(last)) {
                    return last;
                }
            }
        }
        throw new AssertionError("wire " + sourcePort + " never carried the expected value; last was "
                + (last instanceof double[] d ? Arrays.toString(d) : last) + "; states " + run.states()
                + "; logs " + logs(run));
    }

    static String logs(Run run) {
        StringBuilder b = new StringBuilder();
        for (String id : run.states().keySet()) {
            for (LogLine l : run.log(id)) {
                b.append('\n').append(id).append(' ').append(l.stream()).append(' ').append(l.text());
            }
        }
        return b.toString();
    }

    static Predicate<Object> near(double expected, double tolerance) {
        return o -> o instanceof Double d && Math.abs(d - expected) <= tolerance;
    }
}
