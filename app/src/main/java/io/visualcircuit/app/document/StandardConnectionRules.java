package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The wiring rules of VisualCircuit, checked in this order: both blocks and ports exist, the wire
 * starts at an output and ends at an input, it does not join a block to itself, the output's data
 * type can feed the input's, and the same wire is not there already.
 *
 * <p>Feedback loops through other blocks are legal (a controller and the plant it drives feed each
 * other); only a block wired straight back into itself is refused, since it would wait on its own
 * output. Stateless and thread-safe.
 */
public final class StandardConnectionRules implements ConnectionRules {
    static final StandardConnectionRules INSTANCE = new StandardConnectionRules();

    private StandardConnectionRules() {
    }

    @Override
    public Optional<String> refusal(Circuit circuit, Catalog catalog, PortRef from, PortRef to) {
        Optional<Block> fromBlock = circuit.block(from.block());
        if (fromBlock.isEmpty()) {
            return Optional.of("There is no block '" + from.block() + "'");
        }
        Optional<Block> toBlock = circuit.block(to.block());
        if (toBlock.isEmpty()) {
            return Optional.of("There is no block '" + to.block() + "'");
        }
        Optional<PortSpec> out = catalog.port(fromBlock.get(), from.port());
        if (out.isEmpty()) {
            return Optional.of(from.block() + " has no port '" + from.port() + "'");
        }
        Optional<PortSpec> in = catalog.port(toBlock.get(), to.port());
        if (in.isEmpty()) {
            return Optional.of(to.block() + " has no port '" + to.port() + "'");
        }
        if (out.get().direction() != Direction.OUT) {
            return Optional.of(from + " is an input: a wire must start at an output");
        }
        if (in.get().direction() != Direction.IN) {
            return Optional.of(to + " is an output: a wire must end at an input");
        }
        if (from.block().equals(to.block())) {
            return Optional.of("A block cannot be wired to itself (" + from.block() + ")");
        }
        if (!out.get().type().canFeed(in.get().type())) {
            return Optional.of("Cannot connect " + out.get().type().jsonName() + " output to "
                    + in.get().type().jsonName() + " input");
        }
        for (Wire w : circuit.wires()) {
            if (w.from().equals(from) && w.to().equals(to)) {
                return Optional.of(from + " is already wired to " + to);
            }
        }
        return Optional.empty();
    }

    /**
     * The same answer as asking {@link #refusal} for every input, in one pass over the blocks and
     * wires instead of one per input, so highlighting stays quick on circuits with thousands of
     * wires.
     */
    @Override
    public List<PortRef> compatibleInputs(Circuit circuit, Catalog catalog, PortRef from) {
        Optional<PortSpec> out = circuit.block(from.block()).flatMap(b -> catalog.port(b, from.port()));
        if (out.isEmpty() || out.get().direction() != Direction.OUT) {
            return List.of();
        }
        Set<PortRef> alreadyFed = new HashSet<>();
        for (Wire w : circuit.wires()) {
            if (w.from().equals(from)) {
                alreadyFed.add(w.to());
            }
        }
        Set<String> seenIds = new HashSet<>();
        List<PortRef> result = new ArrayList<>();
        for (Block b : circuit.blocks()) {
            // With duplicate ids (a damaged file) refusal() sees only the first block of an id.
            if (!seenIds.add(b.id()) || b.id().equals(from.block())) {
                continue;
            }
            for (PortSpec p : catalog.portsOf(b)) {
                PortRef to = new PortRef(b.id(), p.name());
                if (p.direction() == Direction.IN && out.get().type().canFeed(p.type()) && !alreadyFed.contains(to)
                        && catalog.port(b, p.name()).orElse(null) == p) {
                    result.add(to);
                }
            }
        }
        return result;
    }
}
