package io.visualcircuit.runtime.circuit;

import java.util.List;
import java.util.Objects;

/**
 * A connection from an output port to an input port. An output may feed many wires; an input takes
 * at most one. {@code points} are optional bend points drawn by the editor (empty when none).
 */
public record Wire(PortRef from, PortRef to, List<Point> points) {
    public Wire {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        points = points == null ? List.of() : List.copyOf(points);
    }

    public Wire(PortRef from, PortRef to) {
        this(from, to, List.of());
    }

    /** The id of the data carried by this wire, named after its source: {@code "block.port"}. */
    public String sourceId() {
        return from.toString();
    }

    /** A bend point on the canvas. */
    public record Point(double x, double y) {
    }
}
