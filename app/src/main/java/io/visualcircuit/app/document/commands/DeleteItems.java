package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Deletes a selection of blocks, wires and comments in one step. Wires touching a deleted block go
 * in the same step, so undo brings the block back with its wires. Wires are matched by their two
 * ends; ids that are no longer in the circuit are ignored, but a selection of which nothing is left
 * is refused.
 */
public final class DeleteItems implements Command {
    private final Set<String> blockIds;
    private final Set<List<PortRef>> wireEnds;
    private final Set<String> commentIds;
    private String description = "Delete";

    public DeleteItems(Collection<String> blockIds, Collection<Wire> wires, Collection<String> commentIds) {
        this.blockIds = Set.copyOf(blockIds);
        Set<List<PortRef>> ends = new HashSet<>();
        for (Wire w : wires) {
            ends.add(List.of(w.from(), w.to()));
        }
        this.wireEnds = Set.copyOf(ends);
        this.commentIds = Set.copyOf(commentIds);
    }

    public static DeleteItems blocks(Collection<String> blockIds) {
        return new DeleteItems(blockIds, List.of(), List.of());
    }

    public static DeleteItems wire(Wire wire) {
        return new DeleteItems(List.of(), List.of(wire), List.of());
    }

    public static DeleteItems comments(Collection<String> commentIds) {
        return new DeleteItems(List.of(), List.of(), commentIds);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        List<Block> blocks = new ArrayList<>();
        List<String> deletedBlocks = new ArrayList<>();
        for (Block b : before.blocks()) {
            if (blockIds.contains(b.id())) {
                deletedBlocks.add(b.id());
            } else {
                blocks.add(b);
            }
        }
        List<Wire> wires = new ArrayList<>();
        List<Wire> chosenWires = new ArrayList<>();
        for (Wire w : before.wires()) {
            if (wireEnds.contains(List.of(w.from(), w.to()))) {
                chosenWires.add(w);
            } else if (!blockIds.contains(w.from().block()) && !blockIds.contains(w.to().block())) {
                wires.add(w);
            }
        }
        List<Comment> comments = new ArrayList<>();
        int deletedComments = 0;
        for (Comment m : before.comments()) {
            if (commentIds.contains(m.id())) {
                deletedComments++;
            } else {
                comments.add(m);
            }
        }
        if (deletedBlocks.isEmpty() && chosenWires.isEmpty() && deletedComments == 0) {
            throw new CommandRefusedException("Nothing is selected to delete");
        }
        description = describe(deletedBlocks, chosenWires, deletedComments);
        return new Circuit(before.name(), before.description(), blocks, wires, comments);
    }

    private static String describe(List<String> blocks, List<Wire> wires, int comments) {
        int kinds = (blocks.isEmpty() ? 0 : 1) + (wires.isEmpty() ? 0 : 1) + (comments == 0 ? 0 : 1);
        if (kinds > 1) {
            return "Delete " + Edits.count(blocks.size() + wires.size() + comments, "item");
        }
        if (blocks.size() == 1) {
            return "Delete " + blocks.get(0);
        }
        if (!blocks.isEmpty()) {
            return "Delete " + Edits.count(blocks.size(), "block");
        }
        if (wires.size() == 1) {
            return "Delete wire " + Edits.wireText(wires.get(0));
        }
        if (!wires.isEmpty()) {
            return "Delete " + Edits.count(wires.size(), "wire");
        }
        return "Delete " + Edits.count(comments, "comment");
    }

    @Override
    public boolean isStructural() {
        return !blockIds.isEmpty() || !wireEnds.isEmpty();
    }

    @Override
    public String description() {
        return description;
    }
}
