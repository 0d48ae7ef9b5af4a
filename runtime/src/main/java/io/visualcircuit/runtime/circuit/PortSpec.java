package io.visualcircuit.runtime.circuit;

import java.util.Objects;
import java.util.Optional;

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

    /**
     * Why {@code name} cannot name a port of a code block, or empty when it can. This is the one
     * rule for port names, checked by the {@link Validator} and by the editor. A block's code reads
     * its ports by any name ({@code inputs.read("Inp-0")}, {@code inputs.read("left image")}), so
     * spaces and other punctuation are fine; but a dot would make the wire text {@code block.port}
     * ambiguous, and spaces at either end would make a name that looks like the one the code reads
     * but is not.
     */
    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a port name must not be empty");
        }
        if (name.indexOf('.') >= 0) {
            return Optional.of("port name \"" + name + "\" must not contain a dot (wires are written \"block.port\")");
        }
        if (!name.strip().equals(name)) {
            return Optional.of("port name \"" + name + "\" must not start or end with a space");
        }
        return Optional.empty();
    }
}
