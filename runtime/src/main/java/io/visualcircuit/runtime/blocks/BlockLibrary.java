package io.visualcircuit.runtime.blocks;

import io.visualcircuit.runtime.blocks.LogicBlocks.LogicOp;
import io.visualcircuit.runtime.blocks.MathBlocks.ArithmeticOp;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The core block library: a fresh {@link JavaBlock} for every built-in type that computes in a
 * block process. Types that compute nothing ({@code constant}, {@code slider}, {@code switch},
 * {@code button}, {@code display}, {@code lamp}, {@code plot}, {@code image-view}) are read or written
 * by the runtime and the editor directly and are not here.
 *
 * <p>What each block does, including what it writes while an input has no value yet, is documented
 * on its implementation class. Common to all: parameters are read on every step, so live edits take
 * effect on the next step; time-based blocks use the real time between steps from
 * {@link BlockContext}; no block throws for a numeric corner case (division by zero gives the IEEE
 * result), only for a parameter it cannot work with, such as an unreadable image file.
 *
 * <p>Stateless and safe to call from any thread; each created block belongs to the one thread that
 * steps it. {@link #create} uses a plain switch rather than a map of constructors so a block process
 * loads only the classes of its own block, which keeps its start-up short.
 */
public final class BlockLibrary {
    private static final Set<String> TYPES = Collections.unmodifiableSet(new LinkedHashSet<>(List.of(
            "sine", "square", "ramp", "step", "noise", "counter", "clock", "text",
            "add", "subtract", "multiply", "divide", "min", "max", "gain", "abs", "derivative", "clamp",
            "compare", "expression", "integrator", "moving-average", "low-pass",
            "and", "or", "xor", "not", "rising-edge", "toggle", "delay",
            "pid", "plant",
            "format",
            "test-pattern", "image-file", "grayscale", "threshold")));

    private BlockLibrary() {
    }

    /**
     * A new, not yet set up block of the given type.
     *
     * @throws IllegalArgumentException when the library has no such type
     */
    public static JavaBlock create(String typeId) {
        if (typeId == null) {
            throw new IllegalArgumentException("no block type given");
        }
        return switch (typeId) {
            case "sine" -> new SourceBlocks.Sine();
            case "square" -> new SourceBlocks.Square();
            case "ramp" -> new SourceBlocks.Ramp();
            case "step" -> new SourceBlocks.Step();
            case "noise" -> new SourceBlocks.Noise();
            case "counter" -> new SourceBlocks.Counter();
            case "clock" -> new SourceBlocks.Clock();
            case "text" -> new SourceBlocks.Text();
            case "add" -> new MathBlocks.Arithmetic(ArithmeticOp.ADD);
            case "subtract" -> new MathBlocks.Arithmetic(ArithmeticOp.SUBTRACT);
            case "multiply" -> new MathBlocks.Arithmetic(ArithmeticOp.MULTIPLY);
            case "divide" -> new MathBlocks.Arithmetic(ArithmeticOp.DIVIDE);
            case "min" -> new MathBlocks.Arithmetic(ArithmeticOp.MIN);
            case "max" -> new MathBlocks.Arithmetic(ArithmeticOp.MAX);
            case "gain" -> new MathBlocks.Gain();
            case "abs" -> new MathBlocks.Abs();
            case "derivative" -> new MathBlocks.Derivative();
            case "clamp" -> new MathBlocks.Clamp();
            case "compare" -> new MathBlocks.Compare();
            case "expression" -> new MathBlocks.ExpressionBlock();
            case "integrator" -> new MathBlocks.Integrator();
            case "moving-average" -> new MathBlocks.MovingAverage();
            case "low-pass" -> new MathBlocks.LowPass();
            case "and" -> new LogicBlocks.Gate(LogicOp.AND);
            case "or" -> new LogicBlocks.Gate(LogicOp.OR);
            case "xor" -> new LogicBlocks.Gate(LogicOp.XOR);
            case "not" -> new LogicBlocks.Not();
            case "rising-edge" -> new LogicBlocks.RisingEdge();
            case "toggle" -> new LogicBlocks.Toggle();
            case "delay" -> new LogicBlocks.Delay();
            case "pid" -> new ControlBlocks.Pid();
            case "plant" -> new ControlBlocks.Plant();
            case "format" -> new FormatBlock();
            case "test-pattern" -> new ImageBlocks.TestPattern();
            case "image-file" -> new ImageFileBlock();
            case "grayscale" -> new ImageBlocks.Grayscale();
            case "threshold" -> new ImageBlocks.Threshold();
            default -> throw new IllegalArgumentException("unknown block type '" + typeId
                    + "': the block library has no such computing block");
        };
    }

    /** Every type id {@link #create} accepts, in palette order. */
    public static Set<String> types() {
        return TYPES;
    }
}
