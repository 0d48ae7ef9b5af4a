package io.visualcircuit.runtime.circuit;

import java.util.ArrayList;
import java.util.List;

/** The built-in block types. See {@link Catalog#standard()}. */
final class StandardCatalog {
    static final Catalog INSTANCE = new Catalog(build());

    private StandardCatalog() {
    }

    private static List<BlockType> build() {
        List<BlockType> t = new ArrayList<>();
        t.add(new BlockType("sine", "Sources", "A sine wave.",
                List.of(PortSpec.out("out", PortType.NUMBER)),
                List.of(ParamSpec.number("frequency", 1.0, "Hz", "Cycles per second"),
                        ParamSpec.number("amplitude", 1.0, null, "Peak value")),
                Execution.JAVA_PROCESS, 30, false));
        t.add(new BlockType("display", "Sinks", "Shows the value it receives.",
                List.of(PortSpec.in("in", PortType.ANY)), List.of(), Execution.NONE, 30, false));
        t.add(new BlockType("python", "Code", "Your own Python code with the VisualCircuit API.",
                List.of(), List.of(), Execution.PYTHON_PROCESS, 30, true));
        return t;
    }
}
