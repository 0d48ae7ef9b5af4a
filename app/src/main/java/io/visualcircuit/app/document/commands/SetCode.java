package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import java.util.Objects;

/**
 * Replaces the code of a code block. Typing with one gesture id (for example one focus of the
 * code editor) makes one undo step. Structural: the code a running block executes cannot change
 * under it, so the code editor is read-only while the circuit runs.
 */
public final class SetCode implements Command {
    private final Catalog catalog;
    private final String blockId;
    private final Object gesture;
    private String code;

    public SetCode(Catalog catalog, String blockId, String code, Object gesture) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.code = code == null ? "" : code;
        this.gesture = gesture;
    }

    public SetCode(Catalog catalog, String blockId, String code) {
        this(catalog, blockId, code, null);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Block block = Edits.requireBlock(before, blockId);
        if (catalog.find(block.type()).map(t -> !t.codeBlock()).orElse(true)) {
            throw new CommandRefusedException(blockId + " is not a code block");
        }
        return Edits.replaceBlock(before, blockId, b -> b.withCode(code));
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof SetCode s && Edits.sameGesture(gesture, s.gesture) && blockId.equals(s.blockId)) {
            code = s.code;
            return true;
        }
        return false;
    }

    @Override
    public String description() {
        return "Edit code of " + blockId;
    }
}
