package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Replaces the declared inputs, outputs and parameters of a code block in one step.
 *
 * <p>Wires follow the ports: a port renamed through {@code renames} (old name to new name) keeps
 * its wires under the new name; wires of ports that are gone, changed direction, or whose data
 * types no longer fit are removed in the same step, so undo brings them back. Port names must be
 * unique in the block and follow {@link PortSpec#nameProblem}, the rule circuit files are validated
 * with. Structural.
 */
public final class SetPorts implements Command {
    private final Catalog catalog;
    private final String blockId;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;
    private final Map<String, Object> params;
    private final Map<String, String> renames;
    private int droppedWires;

    /**
     * @param params  the new parameters with their values, or null to keep the current ones
     * @param renames old port name to new port name, for ports the user renamed
     */
    public SetPorts(Catalog catalog, String blockId, List<PortSpec> inputs, List<PortSpec> outputs,
            Map<String, Object> params, Map<String, String> renames) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.params = params == null ? null : new LinkedHashMap<>(params);
        this.renames = renames == null ? Map.of() : Map.copyOf(renames);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Block block = Edits.requireBlock(before, blockId);
        if (catalog.find(block.type()).map(t -> !t.codeBlock()).orElse(true)) {
            throw new CommandRefusedException(blockId + " is not a code block: its ports come from its type");
        }
        checkPorts();
        Map<String, Object> newParams = block.params();
        if (params != null) {
            newParams = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : params.entrySet()) {
                String name = e.getKey() == null ? "" : e.getKey().strip();
                if (name.isEmpty()) {
                    throw new CommandRefusedException("A parameter of " + blockId + " has no name");
                }
                if (newParams.containsKey(name)) {
                    throw new CommandRefusedException(blockId + " has two parameters named '" + name + "'");
                }
                newParams.put(name, ParameterValues.coerceFree(blockId + "." + name, e.getValue()));
            }
        }
        Map<String, Object> finalParams = newParams;
        Circuit changed = Edits.replaceBlock(before, blockId,
                b -> b.withPorts(inputs, outputs).withParams(finalParams));
        Block newBlock = changed.block(blockId).orElseThrow();
        List<Wire> wires = new ArrayList<>(before.wires().size());
        droppedWires = 0;
        for (Wire w : before.wires()) {
            Wire moved = new Wire(follow(w.from()), follow(w.to()), w.points());
            if (fits(changed, newBlock, moved)) {
                wires.add(moved);
            } else {
                droppedWires++;
            }
        }
        return changed.withWires(wires);
    }

    private void checkPorts() throws CommandRefusedException {
        Set<String> names = new HashSet<>();
        for (PortSpec p : inputs) {
            checkPort(p, Direction.IN, names);
        }
        for (PortSpec p : outputs) {
            checkPort(p, Direction.OUT, names);
        }
    }

    private void checkPort(PortSpec p, Direction expected, Set<String> names) throws CommandRefusedException {
        String name = p.name();
        Optional<String> wrong = PortSpec.nameProblem(name);
        if (wrong.isPresent()) {
            throw new CommandRefusedException(blockId + ": " + wrong.get());
        }
        if (p.direction() != expected) {
            throw new CommandRefusedException("Port '" + name + "' is listed as an "
                    + (expected == Direction.IN ? "input" : "output") + " but declared as the other direction");
        }
        if (!names.add(name)) {
            throw new CommandRefusedException(blockId + " has two ports named '" + name + "'");
        }
    }

    private PortRef follow(PortRef ref) {
        if (ref.block().equals(blockId) && renames.containsKey(ref.port())) {
            return new PortRef(blockId, renames.get(ref.port()));
        }
        return ref;
    }

    /** Whether a wire touching the changed block still joins an output to a fitting input. */
    private boolean fits(Circuit c, Block changed, Wire w) {
        if (!w.from().block().equals(blockId) && !w.to().block().equals(blockId)) {
            return true;
        }
        Optional<PortSpec> out = c.block(w.from().block()).flatMap(b -> catalog.port(b, w.from().port()));
        Optional<PortSpec> in = c.block(w.to().block()).flatMap(b -> catalog.port(b, w.to().port()));
        return out.isPresent() && in.isPresent()
                && out.get().direction() == Direction.OUT && in.get().direction() == Direction.IN
                && out.get().type().canFeed(in.get().type());
    }

    /** How many wires the last application removed. */
    public int droppedWires() {
        return droppedWires;
    }

    @Override
    public String description() {
        return "Edit ports of " + blockId;
    }
}
