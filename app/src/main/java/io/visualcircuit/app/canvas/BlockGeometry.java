package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a block and its ports are on the canvas, in world coordinates. Inputs sit on the left
 * edge, outputs on the right, one row each below the title bar. Immutable; built once per
 * document change by {@link CircuitGeometry}.
 */
public final class BlockGeometry {
    public static final double WIDTH = 150;
    public static final double HEADER = 26;
    public static final double ROW = 20;
    public static final double PORT_RADIUS = 5;

    private final Block block;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;
    private final double height;

    public BlockGeometry(Block block, List<PortSpec> ports) {
        this.block = block;
        List<PortSpec> in = new ArrayList<>();
        List<PortSpec> out = new ArrayList<>();
        for (PortSpec p : ports) {
            (p.direction() == Direction.IN ? in : out).add(p);
        }
        this.inputs = List.copyOf(in);
        this.outputs = List.copyOf(out);
        int rows = Math.max(1, Math.max(in.size(), out.size()));
        this.height = HEADER + rows * ROW + 6;
    }

    public Block block() {
        return block;
    }

    public String id() {
        return block.id();
    }

    public double x() {
        return block.x();
    }

    public double y() {
        return block.y();
    }

    public double width() {
        return WIDTH;
    }

    public double height() {
        return height;
    }

    public List<PortSpec> inputs() {
        return inputs;
    }

    public List<PortSpec> outputs() {
        return outputs;
    }

    /** The port with this name, or null. */
    public PortSpec port(String name) {
        for (PortSpec p : inputs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        for (PortSpec p : outputs) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** X of a port's centre relative to the block's left edge. */
    public double portDx(PortSpec p) {
        return p.direction() == Direction.IN ? 0 : WIDTH;
    }

    /** Y of a port's centre relative to the block's top edge, or NaN when the block has no such port. */
    public double portDy(PortSpec p) {
        List<PortSpec> side = p.direction() == Direction.IN ? inputs : outputs;
        int i = side.indexOf(p);
        if (i < 0) {
            return Double.NaN;
        }
        return HEADER + i * ROW + ROW / 2 + 3;
    }

    public boolean contains(double wx, double wy) {
        return wx >= x() && wx <= x() + WIDTH && wy >= y() && wy <= y() + height;
    }

    public boolean inTitle(double wx, double wy) {
        return contains(wx, wy) && wy <= y() + HEADER;
    }
}
