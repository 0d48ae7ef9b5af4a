package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Execution;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.ParamType;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.List;
import java.util.Map;

/** A small catalog with every port and parameter kind, and a circuit using it. */
public final class Fixtures {
    private Fixtures() {
    }

    public static final Catalog CATALOG = new Catalog(List.of(
            new BlockType("sine", "Sources", "A sine wave.",
                    List.of(PortSpec.out("out", PortType.NUMBER)),
                    List.of(ParamSpec.number("frequency", 1.0, "Hz", "").withRange(0.0, 1000.0),
                            ParamSpec.number("amplitude", 1.0, null, "")),
                    Execution.JAVA_PROCESS, 30, false),
            new BlockType("gain", "Math", "Multiplies.",
                    List.of(PortSpec.in("in", PortType.NUMBER), PortSpec.out("out", PortType.NUMBER)),
                    List.of(ParamSpec.number("k", 1.0, null, "").withRange(-10.0, 10.0)),
                    Execution.JAVA_PROCESS, 30, false),
            new BlockType("sum", "Math", "Adds.",
                    List.of(PortSpec.in("a", PortType.NUMBER), PortSpec.in("b", PortType.NUMBER),
                            PortSpec.out("out", PortType.NUMBER)),
                    List.of(), Execution.JAVA_PROCESS, 30, false),
            new BlockType("camera", "Sources", "Frames.",
                    List.of(PortSpec.out("frame", PortType.IMAGE)),
                    List.of(new ParamSpec("device", ParamType.INTEGER, 0L, 0.0, 9.0, null, List.of(), ""),
                            new ParamSpec("mirror", ParamType.BOOLEAN, false, null, null, null, List.of(), ""),
                            new ParamSpec("mode", ParamType.CHOICE, "rgb", null, null, null,
                                    List.of("rgb", "gray"), ""),
                            new ParamSpec("file", ParamType.PATH, null, null, null, null, List.of(), ""),
                            new ParamSpec("title", ParamType.STRING, "", null, null, null, List.of(), "")),
                    Execution.JAVA_PROCESS, 30, false),
            new BlockType("imageview", "Sinks", "Shows images.",
                    List.of(PortSpec.in("image", PortType.IMAGE)), List.of(), Execution.NONE, 30, false),
            new BlockType("display", "Sinks", "Shows values.",
                    List.of(PortSpec.in("in", PortType.ANY)), List.of(), Execution.NONE, 30, false),
            new BlockType("python", "Code", "Code.", List.of(), List.of(), Execution.PYTHON_PROCESS, 30, true)));

    /** sine1 → gain1 → display1, camera1 → imageview1, a code block twice1 and a comment note1. */
    public static Circuit sample() {
        Block twice = new Block("twice1", "python", null, 300, 300, Map.of("Gain", 2.0), null,
                List.of(PortSpec.in("In", PortType.NUMBER)), List.of(PortSpec.out("Out", PortType.NUMBER)),
                "def main(inputs, outputs, parameters, synchronise):\n    pass\n");
        return new Circuit("Sample", "for tests",
                List.of(Block.of("sine1", "sine", 0, 0),
                        Block.of("gain1", "gain", 200, 0).withParam("k", 2.0),
                        Block.of("display1", "display", 400, 0),
                        Block.of("camera1", "camera", 0, 200),
                        Block.of("imageview1", "imageview", 200, 200),
                        twice),
                List.of(wire("sine1.out", "gain1.in"),
                        wire("gain1.out", "display1.in"),
                        wire("camera1.frame", "imageview1.image"),
                        wire("sine1.out", "twice1.In")),
                List.of(new Comment("note1", 50, 400, 200, 80, "Try changing the gain")));
    }

    public static Wire wire(String from, String to) {
        return new Wire(PortRef.parse(from), PortRef.parse(to));
    }

    public static PortRef port(String text) {
        return PortRef.parse(text);
    }
}
