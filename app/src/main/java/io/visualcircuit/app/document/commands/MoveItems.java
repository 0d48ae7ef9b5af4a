package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Moves blocks and comments by ({@code dx}, {@code dy}). Snapping to the grid is the caller's
 * choice: it passes the snapped offset. Bend points of wires whose both ends move go along.
 *
 * <p>A drag sends one move per mouse event with the same gesture id; consecutive moves of the same
 * items in the same gesture merge into one undo step. A null gesture id never merges.
 * Not structural: blocks may be moved while the circuit runs.
 */
public final class MoveItems implements Command {
    private final Set<String> blockIds;
    private final Set<String> commentIds;
    private final Object gesture;
    private double dx;
    private double dy;

    public MoveItems(Collection<String> blockIds, Collection<String> commentIds, double dx, double dy, Object gesture) {
        if (!Double.isFinite(dx) || !Double.isFinite(dy)) {
            throw new IllegalArgumentException("offset must be finite");
        }
        this.blockIds = Set.copyOf(blockIds);
        this.commentIds = Set.copyOf(commentIds);
        this.dx = dx;
        this.dy = dy;
        this.gesture = gesture;
    }

    /** Moves blocks only, as one step of its own. */
    public static MoveItems blocks(Collection<String> blockIds, double dx, double dy) {
        return new MoveItems(blockIds, List.of(), dx, dy, null);
    }

    @Override
    public Circuit apply(Circuit before) {
        if (dx == 0 && dy == 0) {
            return before;
        }
        List<Block> blocks = new ArrayList<>(before.blocks().size());
        for (Block b : before.blocks()) {
            blocks.add(blockIds.contains(b.id()) ? b.withPosition(b.x() + dx, b.y() + dy) : b);
        }
        List<Wire> wires = new ArrayList<>(before.wires().size());
        for (Wire w : before.wires()) {
            if (!w.points().isEmpty() && blockIds.contains(w.from().block()) && blockIds.contains(w.to().block())) {
                List<Wire.Point> pts = new ArrayList<>();
                for (Wire.Point p : w.points()) {
                    pts.add(new Wire.Point(p.x() + dx, p.y() + dy));
                }
                wires.add(new Wire(w.from(), w.to(), pts));
            } else {
                wires.add(w);
            }
        }
        List<Comment> comments = new ArrayList<>(before.comments().size());
        for (Comment m : before.comments()) {
            comments.add(commentIds.contains(m.id()) ? m.withPosition(m.x() + dx, m.y() + dy) : m);
        }
        return new Circuit(before.name(), before.description(), blocks, wires, comments);
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof MoveItems m && Edits.sameGesture(gesture, m.gesture)
                && blockIds.equals(m.blockIds) && commentIds.equals(m.commentIds)) {
            dx += m.dx;
            dy += m.dy;
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
        if (commentIds.isEmpty()) {
            return blockIds.size() == 1
                    ? "Move " + blockIds.iterator().next()
                    : "Move " + Edits.count(blockIds.size(), "block");
        }
        if (blockIds.isEmpty()) {
            return "Move " + Edits.count(commentIds.size(), "comment");
        }
        return "Move " + Edits.count(blockIds.size() + commentIds.size(), "item");
    }

    /** The total offset, including merged moves. */
    public double dx() {
        return dx;
    }

    public double dy() {
        return dy;
    }
}
