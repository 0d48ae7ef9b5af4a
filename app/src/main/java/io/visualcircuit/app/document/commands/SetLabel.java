package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Circuit;
import java.util.Objects;

/**
 * Sets the label shown as a block's title; a blank label removes it so the id shows. Typing in the
 * label field with one gesture id makes one undo step. Not structural.
 */
public final class SetLabel implements Command {
    private final String blockId;
    private final Object gesture;
    private String label;

    public SetLabel(String blockId, String label, Object gesture) {
        this.blockId = Objects.requireNonNull(blockId, "blockId");
        this.label = normalise(label);
        this.gesture = gesture;
    }

    public SetLabel(String blockId, String label) {
        this(blockId, label, null);
    }

    private static String normalise(String label) {
        return label == null || label.isBlank() ? null : label.strip();
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Edits.requireBlock(before, blockId);
        return Edits.replaceBlock(before, blockId, b -> b.withLabel(label));
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof SetLabel s && Edits.sameGesture(gesture, s.gesture) && blockId.equals(s.blockId)) {
            label = s.label;
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
        return label == null ? "Clear label of " + blockId : "Set label of " + blockId + " to '" + label + "'";
    }
}
