package io.visualcircuit.runtime.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * The built-in block types. See {@link Catalog#standard()}. Type ids, port names and parameter
 * names here are a contract: circuit files written by users name them, so they never change.
 * Number defaults are {@link Double}, integer defaults {@link Long}.
 */
final class StandardCatalog {
    /** Every type runs at 30 Hz unless a block sets its own {@code rate}. */
    static final double DEFAULT_RATE = 30;

    private static final String SOURCES = "Sources";
    private static final String MATH = "Math";
    private static final String LOGIC = "Logic";
    private static final String CONTROL = "Control";
    private static final String TEXT = "Text";
    private static final String SINKS = "Sinks and inputs";
    private static final String IMAGE = "Image";
    private static final String CODE = "Code";

    private static final PortType NUM = PortType.NUMBER;
    private static final PortType BOOL = PortType.BOOLEAN;

    // Declared after the constants above: static fields initialise in source order.
    static final Catalog INSTANCE = new Catalog(build());

    private StandardCatalog() {
    }

    private static List<BlockType> build() {
        List<BlockType> t = new ArrayList<>();

        // Sources: no inputs, one output "out".
        t.add(type("constant", SOURCES, "A fixed number, written once when the circuit starts.", Execution.NONE,
                ports(out(NUM)), num("value", 0.0, null, "The number on the output")));
        t.add(compute("sine", SOURCES, "A sine wave: offset + amplitude * sin(2 pi frequency t + phase).",
                ports(out(NUM)),
                num("frequency", 1.0, "Hz", "Cycles per second").withRange(0.0, null),
                num("amplitude", 1.0, null, "Peak value above the offset"),
                num("offset", 0.0, null, "Value the wave swings around"),
                num("phase", 0.0, "degrees", "Shift of the wave at t = 0")));
        t.add(compute("square", SOURCES, "A square wave between -amplitude and +amplitude.",
                ports(out(NUM)),
                num("frequency", 1.0, "Hz", "Cycles per second").withRange(0.0, null),
                num("amplitude", 1.0, null, "Height of the high level"),
                num("duty", 0.5, null, "Fraction of each period spent high").withRange(0.0, 1.0)));
        t.add(compute("ramp", SOURCES, "A value that grows linearly with time: start + slope * t.",
                ports(out(NUM)),
                num("slope", 1.0, "1/s", "Increase per second"),
                num("start", 0.0, null, "Value at t = 0")));
        t.add(compute("step", SOURCES, "Jumps from one value to another at a given time.",
                ports(out(NUM)),
                num("time", 1.0, "s", "When the step happens").withRange(0.0, null),
                num("before", 0.0, null, "Value before the step"),
                num("after", 1.0, null, "Value after the step")));
        t.add(compute("noise", SOURCES, "Uniform random values between -amplitude and +amplitude.",
                ports(out(NUM)),
                num("amplitude", 1.0, null, "Largest absolute value").withRange(0.0, null),
                integer("seed", 0L, null, "Random seed; the same seed gives the same sequence")));
        t.add(compute("counter", SOURCES, "Adds step to its output on every step of the block.",
                ports(out(NUM)),
                num("start", 0.0, null, "First value"),
                num("step", 1.0, null, "Added on every step")));
        t.add(compute("clock", SOURCES, "A boolean that is true for the first half of every period.",
                ports(out(BOOL)),
                num("period", 1.0, "s", "Length of one true/false cycle").withRange(0.001, null)));
        t.add(compute("text", SOURCES, "A fixed text.",
                ports(out(PortType.STRING)),
                str("value", "", "The text on the output")));

        // Math.
        binaryMath(t, "add", "a + b");
        binaryMath(t, "subtract", "a - b");
        binaryMath(t, "multiply", "a * b");
        binaryMath(t, "divide", "a / b");
        binaryMath(t, "min", "The smaller of a and b");
        binaryMath(t, "max", "The larger of a and b");
        t.add(compute("gain", MATH, "Multiplies its input by k.", ports(in("in", NUM), out(NUM)),
                num("k", 1.0, null, "Factor")));
        t.add(compute("abs", MATH, "The absolute value of its input.", ports(in("in", NUM), out(NUM))));
        t.add(compute("derivative", MATH, "The rate of change of its input per second.",
                ports(in("in", NUM), out(NUM))));
        t.add(compute("clamp", MATH, "Limits its input to the range [low, high].", ports(in("in", NUM), out(NUM)),
                num("low", 0.0, null, "Lowest output"),
                num("high", 1.0, null, "Highest output")));
        t.add(compute("compare", MATH, "Compares a with b; the output is true when a op b holds.",
                ports(in("a", NUM), in("b", NUM), out(BOOL)),
                new ParamSpec("op", ParamType.CHOICE, "<", null, null, null,
                        List.of("<", "<=", ">", ">=", "==", "!="), "The comparison")));
        t.add(compute("expression", MATH, "A formula of a, b, c and d, such as a*sin(b)+c.",
                ports(in("a", NUM), in("b", NUM), in("c", NUM), in("d", NUM), out(NUM)),
                str("formula", "a", "Arithmetic with + - * / ^, parentheses and functions like sin, cos, sqrt")));
        t.add(compute("integrator", MATH, "The integral of its input over time.", ports(in("in", NUM), out(NUM)),
                num("initial", 0.0, null, "Output at the start")));
        t.add(compute("moving-average", MATH, "The mean of the last window input values.",
                ports(in("in", NUM), out(NUM)),
                integer("window", 10L, null, "How many values to average").withRange(1.0, 1_000_000.0)));
        t.add(compute("low-pass", MATH, "A first-order low-pass filter.", ports(in("in", NUM), out(NUM)),
                num("cutoff", 1.0, "Hz", "Cut-off frequency").withRange(0.0, null)));

        // Logic.
        binaryLogic(t, "and", "True when a and b are both true.");
        binaryLogic(t, "or", "True when a or b is true.");
        binaryLogic(t, "xor", "True when exactly one of a and b is true.");
        t.add(compute("not", LOGIC, "The opposite of its input.", ports(in("in", BOOL), out(BOOL))));
        t.add(compute("rising-edge", LOGIC, "True for one step when its input turns from false to true.",
                ports(in("in", BOOL), out(BOOL))));
        t.add(compute("toggle", LOGIC, "Flips its output on each rising edge of its input.",
                ports(in("in", BOOL), out(BOOL))));
        t.add(compute("delay", LOGIC, "Passes on its input a number of seconds later.",
                ports(in("in", PortType.ANY), out(PortType.ANY)),
                num("seconds", 1.0, "s", "How long values are held back").withRange(0.0, null)));

        // Control.
        t.add(compute("pid", CONTROL, "A PID controller with output limits and anti-windup.",
                ports(in("setpoint", NUM), in("measurement", NUM), out(NUM)),
                num("kp", 1.0, null, "Proportional gain"),
                num("ki", 0.0, null, "Integral gain"),
                num("kd", 0.0, null, "Derivative gain"),
                num("min", null, null, "Lowest output; unlimited when not set"),
                num("max", null, null, "Highest output; unlimited when not set")));
        t.add(compute("plant", CONTROL, "A simulated first-order system: tau * dy/dt = gain * u - y.",
                ports(in("in", NUM), out(NUM)),
                num("gain", 1.0, null, "Steady-state gain"),
                num("tau", 1.0, "s", "Time constant").withRange(0.0, null)));

        // Text.
        t.add(compute("format", TEXT, "Fills a template such as \"speed {a} m/s\" with its inputs.",
                ports(in("a", PortType.ANY), in("b", PortType.ANY), in("c", PortType.ANY), out(PortType.STRING)),
                str("template", "{a}", "Text with {a}, {b} and {c} where the inputs go")));

        // Sinks and inputs: the editor or the runtime reads and writes their wires; no process.
        t.add(type("display", SINKS, "Shows the value it receives.", Execution.NONE,
                ports(in("in", PortType.ANY))));
        t.add(type("lamp", SINKS, "Lights up while its input is true.", Execution.NONE,
                ports(in("in", BOOL))));
        t.add(type("plot", SINKS, "Plots its input over the last seconds.", Execution.NONE,
                ports(in("in", NUM)),
                num("seconds", 10.0, "s", "Time span shown").withRange(0.1, 3600.0)));
        t.add(type("slider", SINKS, "A number the user sets by dragging, between min and max.", Execution.NONE,
                ports(out(NUM)),
                num("min", 0.0, null, "Left end"),
                num("max", 1.0, null, "Right end"),
                num("value", 0.0, null, "Value at the start")));
        t.add(type("switch", SINKS, "A boolean the user turns on and off.", Execution.NONE,
                ports(out(BOOL)),
                new ParamSpec("value", ParamType.BOOLEAN, Boolean.FALSE, null, null, null, List.of(),
                        "Position at the start")));
        t.add(type("button", SINKS, "True while the user holds it down.", Execution.NONE,
                ports(out(BOOL))));

        // Image: uint8 images, height x width x channels.
        t.add(compute("test-pattern", IMAGE, "A moving synthetic scene, for trying image blocks.",
                ports(out(PortType.IMAGE)),
                integer("width", 320L, "px", "Image width").withRange(1.0, 4096.0),
                integer("height", 240L, "px", "Image height").withRange(1.0, 4096.0)));
        t.add(compute("image-file", IMAGE, "An image read from a PNG or JPEG file.",
                ports(out(PortType.IMAGE)),
                new ParamSpec("path", ParamType.PATH, "", null, null, null, List.of(), "The PNG or JPEG file")));
        t.add(compute("grayscale", IMAGE, "Converts a colour image to one channel of brightness.",
                ports(in("in", PortType.IMAGE), out(PortType.IMAGE))));
        t.add(compute("threshold", IMAGE, "White where the brightness is at least level, black elsewhere.",
                ports(in("in", PortType.IMAGE), out(PortType.IMAGE)),
                integer("level", 128L, null, "Brightness threshold").withRange(0.0, 255.0)));
        t.add(type("image-view", IMAGE, "Shows the image it receives.", Execution.NONE,
                ports(in("in", PortType.IMAGE))));

        // Code blocks declare their own ports and parameters per block.
        t.add(new BlockType("python", CODE,
                "Your own Python code with the VisualCircuit API: main(inputs, outputs, parameters, synchronise)"
                        + " or step(inputs, outputs, parameters).",
                List.of(), List.of(), Execution.PYTHON_PROCESS, DEFAULT_RATE, true));
        return t;
    }

    private static void binaryMath(List<BlockType> t, String id, String description) {
        t.add(compute(id, MATH, description.endsWith(".") ? description : description + ".",
                ports(in("a", NUM), in("b", NUM), out(NUM))));
    }

    private static void binaryLogic(List<BlockType> t, String id, String description) {
        t.add(compute(id, LOGIC, description, ports(in("a", BOOL), in("b", BOOL), out(BOOL))));
    }

    private static BlockType compute(String id, String category, String description, List<PortSpec> ports,
                                     ParamSpec... params) {
        return type(id, category, description, Execution.JAVA_PROCESS, ports, params);
    }

    private static BlockType type(String id, String category, String description, Execution execution,
                                  List<PortSpec> ports, ParamSpec... params) {
        return new BlockType(id, category, description, ports, List.of(params), execution, DEFAULT_RATE, false);
    }

    private static List<PortSpec> ports(PortSpec... ports) {
        return List.of(ports);
    }

    private static PortSpec in(String name, PortType type) {
        return PortSpec.in(name, type);
    }

    private static PortSpec out(PortType type) {
        return PortSpec.out("out", type);
    }

    private static ParamSpec num(String name, Double def, String unit, String description) {
        return ParamSpec.number(name, def, unit, description);
    }

    private static ParamSpec integer(String name, Long def, String unit, String description) {
        return new ParamSpec(name, ParamType.INTEGER, def, null, null, unit, List.of(), description);
    }

    private static ParamSpec str(String name, String def, String description) {
        return new ParamSpec(name, ParamType.STRING, def, null, null, null, List.of(), description);
    }
}
