package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.ParamSpec;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets one parameter of a block, checked by {@link ParameterValues} against the catalog; a null
 * value removes it so the type's default applies. Code blocks take any parameter they declare (see
 * {@link SetPorts}) with any number, boolean or text value.
 *
 * <p>Not structural: parameters may be tuned while the circuit runs. Consecutive sets of the same
 * parameter with the same gesture id (typing in one field) merge into one undo step.
 */
public final class SetParameter implements Command {
    private final Catalog catalog;
    private final String blockId;
    private final String name;
    private final Object gesture;
    private Object value;
    private Object stored;

    public SetParameter(Catalog catalog, String blockId, String name, Object value, Object gesture) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.name = Objects.requireNonNull(name, "name");
        this.value = value;
        this.gesture = gesture;
    }

    public SetParameter(Catalog catalog, String blockId, String name, Object value) {
        this(catalog, blockId, name, value, null);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Block block = Edits.requireBlock(before, blockId);
        String label = blockId + "." + name;
        Optional<BlockType> type = catalog.find(block.type());
        if (value == null) {
            stored = null;
        } else if (type.isPresent() && type.get().codeBlock()) {
            if (!block.params().containsKey(name)) {
                throw new CommandRefusedException(blockId + " has no parameter '" + name
                        + "': declare it with the block's ports and parameters first");
            }
            stored = ParameterValues.coerceLike(label, block.params().get(name), value);
        } else if (type.isPresent()) {
            Optional<ParamSpec> spec = type.get().param(name);
            if (spec.isEmpty()) {
                throw new CommandRefusedException(block.type() + " blocks have no parameter '" + name + "'");
            }
            stored = ParameterValues.coerce(label, spec.get(), value);
        } else {
            stored = ParameterValues.coerceFree(label, value);
        }
        if (stored == null && type.isPresent() && type.get().codeBlock()) {
            throw new CommandRefusedException(label + " needs a value");
        }
        Object finalValue = stored;
        return Edits.replaceBlock(before, blockId, b -> b.withParam(name, finalValue));
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof SetParameter p && Edits.sameGesture(gesture, p.gesture)
                && blockId.equals(p.blockId) && name.equals(p.name)) {
            value = p.value;
            stored = p.stored;
            return true;
        }
        return false;
    }

    @Override
    public boolean isStructural() {
        return false;
    }

    @Override
    public String description() {
        Object shown = stored != null ? stored : value;
        return shown == null
                ? "Reset " + blockId + "." + name + " to default"
                : "Set " + blockId + "." + name + " to " + Edits.valueText(shown);
    }
}
