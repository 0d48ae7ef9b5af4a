package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a wire may be drawn, and why not. The editor asks it while the user drags a wire
 * (to highlight the ports that fit) and {@link io.visualcircuit.app.document.commands.Connect} asks
 * it before adding one, so the same rule gives the same reason everywhere. Implementations must be
 * stateless or thread-safe; the {@linkplain #standard() standard rules} are.
 */
@FunctionalInterface
public interface ConnectionRules {

    /**
     * Why a wire from output {@code from} to input {@code to} may not be added to {@code circuit},
     * as a sentence for the user, or empty when it may. A wire into an input that already has one
     * is allowed: connecting replaces the old wire.
     */
    Optional<String> refusal(Circuit circuit, Catalog catalog, PortRef from, PortRef to);

    /** The rules of VisualCircuit circuits: see {@link StandardConnectionRules}. */
    static ConnectionRules standard() {
        return StandardConnectionRules.INSTANCE;
    }

    /**
     * Every input port that {@code from} may be wired to, in block order, for highlighting while
     * the user drags a wire.
     */
    default List<PortRef> compatibleInputs(Circuit circuit, Catalog catalog, PortRef from) {
        List<PortRef> out = new ArrayList<>();
        for (Block b : circuit.blocks()) {
            for (PortSpec p : catalog.portsOf(b)) {
                if (p.direction() == Direction.IN) {
                    PortRef to = new PortRef(b.id(), p.name());
                    if (refusal(circuit, catalog, from, to).isEmpty()) {
                        out.add(to);
                    }
                }
            }
        }
        return out;
    }

    /**
     * Puts two ports the user joined into wire order: when {@code a} is an input and {@code b} an
     * output (the user dragged backwards), they are swapped. Returns the pair unchanged when the
     * directions cannot be told or do not call for a swap, so {@link #refusal} still explains it.
     */
    static PortRef[] normalise(Circuit circuit, Catalog catalog, PortRef a, PortRef b) {
        Optional<Direction> da = direction(circuit, catalog, a);
        Optional<Direction> db = direction(circuit, catalog, b);
        if (da.orElse(null) == Direction.IN && db.orElse(null) == Direction.OUT) {
            return new PortRef[] {b, a};
        }
        return new PortRef[] {a, b};
    }

    /** The direction of a port, or empty when the block or port does not exist. */
    static Optional<Direction> direction(Circuit circuit, Catalog catalog, PortRef ref) {
        return circuit.block(ref.block())
                .flatMap(b -> catalog.port(b, ref.port()))
                .map(PortSpec::direction);
    }

    /**
     * Block types with at least one input that accepts values of {@code outputType}, in catalog
     * order: what the quick-add offers when a wire is dropped on empty canvas. Code blocks are left
     * out because a new one has no ports yet.
     */
    static List<BlockType> blockTypesAccepting(Catalog catalog, PortType outputType) {
        List<BlockType> out = new ArrayList<>();
        for (BlockType t : catalog.types()) {
            if (!t.codeBlock() && t.inputs().stream().anyMatch(p -> outputType.canFeed(p.type()))) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * Block types with at least one output that can feed an input of {@code inputType}, for a wire
     * dragged backwards from an input and dropped on empty canvas.
     */
    static List<BlockType> blockTypesFeeding(Catalog catalog, PortType inputType) {
        List<BlockType> out = new ArrayList<>();
        for (BlockType t : catalog.types()) {
            if (!t.codeBlock() && t.outputs().stream().anyMatch(p -> p.type().canFeed(inputType))) {
                out.add(t);
            }
        }
        return out;
    }
}
