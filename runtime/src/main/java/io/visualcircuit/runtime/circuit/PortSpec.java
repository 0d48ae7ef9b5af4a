package io.visualcircuit.runtime.circuit;

import java.util.Objects;

/** A port of a block: its name, its direction and the data type it carries. Immutable. */
public record PortSpec(String name, Direction direction, PortType type) {
    public PortSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(type, "type");
    }

    public static PortSpec in(String name, PortType type) {
        return new PortSpec(name, Direction.IN, type);
    }

    public static PortSpec out(String name, PortType type) {
        return new PortSpec(name, Direction.OUT, type);
    }
}
