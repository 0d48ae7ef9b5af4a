package io.visualcircuit.runtime.circuit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the user drew: blocks, wires and comment notes. Immutable, so the editor can keep old
 * versions for undo and a run can hold the version it started from while the user goes on editing.
 * Values on the wires while a circuit runs live elsewhere (the run's own state), never here.
 */
public record Circuit(String name, String description, List<Block> blocks, List<Wire> wires, List<Comment> comments) {

    public Circuit {
        name = name == null ? "" : name;
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
        wires = wires == null ? List.of() : List.copyOf(wires);
        comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public static Circuit empty(String name) {
        return new Circuit(name, null, List.of(), List.of(), List.of());
    }

    public Optional<Block> block(String id) {
        Objects.requireNonNull(id);
        for (Block b : blocks) {
            if (b.id().equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /**
     * The top-left corner of the blocks and comment notes (the smallest x and the smallest y), or
     * empty when the circuit has neither.
     */
    public Optional<Wire.Point> topLeft() {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        for (Block b : blocks) {
            minX = Math.min(minX, b.x());
            minY = Math.min(minY, b.y());
        }
        for (Comment c : comments) {
            minX = Math.min(minX, c.x());
            minY = Math.min(minY, c.y());
        }
        return minX == Double.POSITIVE_INFINITY ? Optional.empty() : Optional.of(new Wire.Point(minX, minY));
    }

    public Circuit withName(String n) {
        return new Circuit(n, description, blocks, wires, comments);
    }

    public Circuit withDescription(String d) {
        return new Circuit(name, d, blocks, wires, comments);
    }

    public Circuit withBlocks(List<Block> b) {
        return new Circuit(name, description, b, wires, comments);
    }

    public Circuit withWires(List<Wire> w) {
        return new Circuit(name, description, blocks, w, comments);
    }

    public Circuit withComments(List<Comment> c) {
        return new Circuit(name, description, blocks, wires, c);
    }
}
