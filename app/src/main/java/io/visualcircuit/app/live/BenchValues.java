package io.visualcircuit.app.live;

import io.visualcircuit.runtime.circuit.PortType;

/** The values the benchmark writers put on wire i at write number s. Stateless; any thread. */
final class BenchValues {
    private BenchValues() {
    }

    static LiveValue value(int i, long s, double nowSeconds) {
        PortType t = LiveBench.type(i);
        if (t == PortType.BOOLEAN) {
            return new LiveValue.Bool((s / 10) % 2 == 0);
        }
        if (t == PortType.STRING) {
            return new LiveValue.Text("n=" + s);
        }
        return new LiveValue.Number(Math.sin(nowSeconds * (1 + i % 7)) * (1 + i % 5));
    }
}
