package io.visualcircuit.app.bench;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generates large circuits for the editor benchmark: {@code n} code blocks on a grid, each with two
 * inputs and two outputs, and exactly {@code 2n} wires (to the right-hand neighbour and to the block
 * below, wrapping around), so wires run both short and long distances.
 */
public final class BenchCircuits {
    private BenchCircuits() {
    }

    public static Circuit grid(int n) {
        int cols = Math.max(1, (int) Math.ceil(Math.sqrt(n * 1.6)));
        List<Block> blocks = new ArrayList<>(n);
        List<PortSpec> ins = List.of(PortSpec.in("a", PortType.NUMBER), PortSpec.in("b", PortType.NUMBER));
        List<PortSpec> outs = List.of(PortSpec.out("x", PortType.NUMBER), PortSpec.out("y", PortType.NUMBER));
        for (int i = 0; i < n; i++) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("gain", (double) (i % 7));
            blocks.add(new Block("b" + i, "python", "Block " + i, (i % cols) * 240.0, (i / cols) * 140.0,
                    params, null, ins, outs, "def step(inputs, outputs, parameters):\n    pass\n"));
        }
        List<Wire> wires = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            wires.add(new Wire(new PortRef("b" + i, "x"), new PortRef("b" + ((i + 1) % n), "a")));
            wires.add(new Wire(new PortRef("b" + i, "y"), new PortRef("b" + ((i + cols) % n), "b")));
        }
        return new Circuit("bench-" + n, "Generated for the editor benchmark", blocks, wires, List.of());
    }
}
