package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.IdGenerator;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes a block's id and rewrites the wires that name it, in one step. Refuses ids that are
 * taken or not valid (see {@link IdGenerator#invalidIdReason}). Structural: ids name the wires of a
 * running circuit.
 */
public final class RenameBlock implements Command {
    private final String oldId;
    private final String newId;

    public RenameBlock(String oldId, String newId) {
        this.oldId = Objects.requireNonNull(oldId, "oldId");
        this.newId = newId == null ? "" : newId.strip();
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Edits.requireBlock(before, oldId);
        if (newId.equals(oldId)) {
            return before;
        }
        Optional<String> invalid = IdGenerator.invalidIdReason(newId);
        if (invalid.isPresent()) {
            throw new CommandRefusedException(invalid.get());
        }
        if (before.block(newId).isPresent()) {
            throw new CommandRefusedException("There is already a block '" + newId + "'");
        }
        Circuit renamed = Edits.replaceBlock(before, oldId, b -> b.withId(newId));
        List<Wire> wires = new ArrayList<>(before.wires().size());
        for (Wire w : before.wires()) {
            wires.add(new Wire(rename(w.from()), rename(w.to()), w.points()));
        }
        return renamed.withWires(wires);
    }

    private PortRef rename(PortRef ref) {
        return ref.block().equals(oldId) ? new PortRef(newId, ref.port()) : ref;
    }

    @Override
    public String description() {
        return "Rename " + oldId + " to " + newId;
    }
}
