package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.IdGenerator;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pastes a fragment (a small circuit, from the clipboard or a duplicated selection) shifted by
 * ({@code dx}, {@code dy}). Blocks whose id is taken get a fresh one ({@code sine1} becomes the next
 * free {@code sineN}); wires between pasted blocks are kept with their ends renamed; wires that
 * leave the fragment are dropped. Comments get fresh ids when theirs are taken. After the edit,
 * {@link #pastedBlockIds()} and {@link #pastedCommentIds()} name the new items for selection.
 */
public final class Paste implements Command {
    private final Catalog catalog;
    private final Circuit fragment;
    private final double dx;
    private final double dy;
    private List<String> pastedBlockIds = List.of();
    private List<String> pastedCommentIds = List.of();

    public Paste(Catalog catalog, Circuit fragment, double dx, double dy) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.fragment = Objects.requireNonNull(fragment, "fragment");
        this.dx = dx;
        this.dy = dy;
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        if (fragment.blocks().isEmpty() && fragment.comments().isEmpty()) {
            throw new CommandRefusedException("There is nothing to paste");
        }
        Set<String> taken = IdGenerator.blockIds(before);
        Map<String, String> newIds = new HashMap<>();
        List<Block> blocks = new ArrayList<>(before.blocks());
        List<String> pasted = new ArrayList<>();
        for (Block b : fragment.blocks()) {
            if (catalog.find(b.type()).isEmpty()) {
                throw new CommandRefusedException("Cannot paste " + b.id() + ": there is no block type '"
                        + b.type() + "'");
            }
            if (newIds.containsKey(b.id())) {
                throw new CommandRefusedException("Cannot paste: the copied blocks use the id '" + b.id() + "' twice");
            }
            String id = taken.contains(b.id()) || IdGenerator.invalidIdReason(b.id()).isPresent()
                    ? IdGenerator.freshLike(b.id().isBlank() ? b.type() : b.id(), taken)
                    : b.id();
            taken.add(id);
            newIds.put(b.id(), id);
            pasted.add(id);
            blocks.add(b.withId(id).withPosition(b.x() + dx, b.y() + dy));
        }
        List<Wire> wires = new ArrayList<>(before.wires());
        for (Wire w : fragment.wires()) {
            String from = newIds.get(w.from().block());
            String to = newIds.get(w.to().block());
            if (from != null && to != null) {
                List<Wire.Point> points = new ArrayList<>();
                for (Wire.Point p : w.points()) {
                    points.add(new Wire.Point(p.x() + dx, p.y() + dy));
                }
                wires.add(new Wire(new PortRef(from, w.from().port()), new PortRef(to, w.to().port()), points));
            }
        }
        Set<String> takenNotes = IdGenerator.commentIds(before);
        List<Comment> comments = new ArrayList<>(before.comments());
        List<String> pastedNotes = new ArrayList<>();
        for (Comment m : fragment.comments()) {
            String id = takenNotes.contains(m.id()) || m.id().isBlank()
                    ? IdGenerator.freshCommentId(takenNotes)
                    : m.id();
            takenNotes.add(id);
            pastedNotes.add(id);
            comments.add(new Comment(id, m.x() + dx, m.y() + dy, m.width(), m.height(), m.text()));
        }
        pastedBlockIds = List.copyOf(pasted);
        pastedCommentIds = List.copyOf(pastedNotes);
        return new Circuit(before.name(), before.description(), blocks, wires, comments);
    }

    public List<String> pastedBlockIds() {
        return pastedBlockIds;
    }

    public List<String> pastedCommentIds() {
        return pastedCommentIds;
    }

    @Override
    public boolean isStructural() {
        return !fragment.blocks().isEmpty();
    }

    @Override
    public String description() {
        int blocks = fragment.blocks().size();
        int notes = fragment.comments().size();
        if (notes == 0) {
            return blocks == 1 && pastedBlockIds.size() == 1
                    ? "Paste " + pastedBlockIds.get(0)
                    : "Paste " + Edits.count(blocks, "block");
        }
        if (blocks == 0) {
            return "Paste " + Edits.count(notes, "comment");
        }
        return "Paste " + Edits.count(blocks + notes, "item");
    }
}
