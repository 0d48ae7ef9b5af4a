package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The laid-out form of one circuit version: block rectangles, port positions, wire end points and
 * a spatial index over all of them. Built once per document change (linear time) and then only
 * read, so painting a frame never lays anything out again.
 *
 * <p>Threading: built and used on the FX thread (or any single thread, e.g. the SVG exporter).
 */
public final class CircuitGeometry {
    private static final double CELL = 256;

    /** One drawable wire: its two ends resolved to blocks and ports. */
    public record WireGeometry(Wire wire, BlockGeometry from, PortSpec fromPort, BlockGeometry to, PortSpec toPort) {
        public double x1(double dx) {
            return from.x() + from.portDx(fromPort) + dx;
        }

        public double y1(double dy) {
            return from.y() + from.portDy(fromPort) + dy;
        }

        public double x2(double dx) {
            return to.x() + to.portDx(toPort) + dx;
        }

        public double y2(double dy) {
            return to.y() + to.portDy(toPort) + dy;
        }

        public PortType type() {
            return fromPort.type() == PortType.ANY ? toPort.type() : fromPort.type();
        }
    }

    private final Circuit circuit;
    private final Catalog catalog;
    private final List<BlockGeometry> blocks;
    private final Map<String, BlockGeometry> byId;
    private final List<WireGeometry> wires;
    private final List<Comment> comments;
    private final GridIndex blockIndex = new GridIndex(CELL);
    private final GridIndex wireIndex = new GridIndex(CELL);
    private final double minX;
    private final double minY;
    private final double maxX;
    private final double maxY;

    public CircuitGeometry(Circuit circuit, Catalog catalog) {
        this.circuit = circuit;
        this.catalog = catalog;
        List<BlockGeometry> bl = new ArrayList<>(circuit.blocks().size());
        Map<String, BlockGeometry> ids = new HashMap<>(circuit.blocks().size() * 2);
        double x0 = Double.POSITIVE_INFINITY;
        double y0 = Double.POSITIVE_INFINITY;
        double x1 = Double.NEGATIVE_INFINITY;
        double y1 = Double.NEGATIVE_INFINITY;
        for (Block b : circuit.blocks()) {
            BlockGeometry g = new BlockGeometry(b, catalog.portsOf(b));
            bl.add(g);
            ids.put(b.id(), g);
            blockIndex.add(g.x() - BlockGeometry.PORT_RADIUS, g.y(), g.x() + g.width() + BlockGeometry.PORT_RADIUS,
                    g.y() + g.height());
            x0 = Math.min(x0, g.x());
            y0 = Math.min(y0, g.y());
            x1 = Math.max(x1, g.x() + g.width());
            y1 = Math.max(y1, g.y() + g.height());
        }
        List<WireGeometry> wl = new ArrayList<>(circuit.wires().size());
        double[] k = new double[4];
        for (Wire w : circuit.wires()) {
            WireGeometry wg = resolve(ids, w);
            if (wg == null) {
                continue;
            }
            wl.add(wg);
            double ax = wg.x1(0);
            double ay = wg.y1(0);
            double bx = wg.x2(0);
            double by = wg.y2(0);
            // A Bezier curve stays inside the hull of its end and control points.
            WirePath.controls(ax, ay, bx, by, k);
            wireIndex.add(Math.min(Math.min(ax, bx), Math.min(k[0], k[2])) - 2, Math.min(Math.min(ay, by), Math.min(k[1], k[3])) - 2,
                    Math.max(Math.max(ax, bx), Math.max(k[0], k[2])) + 2, Math.max(Math.max(ay, by), Math.max(k[1], k[3])) + 2);
        }
        for (Comment c : circuit.comments()) {
            x0 = Math.min(x0, c.x());
            y0 = Math.min(y0, c.y());
            x1 = Math.max(x1, c.x() + c.width());
            y1 = Math.max(y1, c.y() + c.height());
        }
        this.blocks = List.copyOf(bl);
        this.byId = ids;
        this.wires = List.copyOf(wl);
        this.comments = circuit.comments();
        boolean empty = x0 == Double.POSITIVE_INFINITY;
        this.minX = empty ? 0 : x0;
        this.minY = empty ? 0 : y0;
        this.maxX = empty ? 0 : x1;
        this.maxY = empty ? 0 : y1;
    }

    private static WireGeometry resolve(Map<String, BlockGeometry> ids, Wire w) {
        BlockGeometry a = ids.get(w.from().block());
        BlockGeometry b = ids.get(w.to().block());
        if (a == null || b == null) {
            return null;
        }
        PortSpec pa = a.port(w.from().port());
        PortSpec pb = b.port(w.to().port());
        if (pa == null || pb == null) {
            return null;
        }
        return new WireGeometry(w, a, pa, b, pb);
    }

    public Circuit circuit() {
        return circuit;
    }

    public Catalog catalog() {
        return catalog;
    }

    public List<BlockGeometry> blocks() {
        return blocks;
    }

    public BlockGeometry block(String id) {
        return byId.get(id);
    }

    public List<WireGeometry> wires() {
        return wires;
    }

    public List<Comment> comments() {
        return comments;
    }

    public boolean isEmpty() {
        return blocks.isEmpty() && comments.isEmpty();
    }

    public double minX() {
        return minX;
    }

    public double minY() {
        return minY;
    }

    public double maxX() {
        return maxX;
    }

    public double maxY() {
        return maxY;
    }

    /** Visits the index (into {@link #blocks()}) of every block whose box meets the world rectangle. */
    public void blocksIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        blockIndex.query(x0, y0, x1, y1, action);
    }

    /** Visits the index (into {@link #wires()}) of every wire whose box meets the world rectangle. */
    public void wiresIn(double x0, double y0, double x1, double y1, IntConsumer action) {
        wireIndex.query(x0, y0, x1, y1, action);
    }

    /** World position of a port's centre, or null when the block or port does not exist. */
    public double[] portPosition(PortRef ref) {
        BlockGeometry g = byId.get(ref.block());
        if (g == null) {
            return null;
        }
        PortSpec p = g.port(ref.port());
        if (p == null) {
            return null;
        }
        return new double[] {g.x() + g.portDx(p), g.y() + g.portDy(p)};
    }
}
