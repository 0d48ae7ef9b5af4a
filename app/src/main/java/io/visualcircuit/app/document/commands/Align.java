package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lines up selected blocks and comments, or spaces them evenly, in one undo step. Not structural.
 * Aligning needs two items; distributing needs three (the outer two stay where they are and the
 * gaps between neighbours become equal).
 */
public final class Align implements Command {

    /** How to line items up. */
    public enum Mode {
        /** Same left edge, the leftmost of the selection. */
        LEFT("left"),
        /** Same right edge, the rightmost of the selection. */
        RIGHT("right"),
        /** Same top edge, the highest of the selection. */
        TOP("top"),
        /** Same bottom edge, the lowest of the selection. */
        BOTTOM("bottom"),
        /** Same horizontal centre (one above the other), the centre of the selection's bounds. */
        CENTER_HORIZONTALLY("centred horizontally"),
        /** Same vertical centre (side by side in a row), the centre of the selection's bounds. */
        CENTER_VERTICALLY("centred vertically"),
        /** Equal horizontal gaps between neighbours, ordered left to right. */
        DISTRIBUTE_HORIZONTALLY("horizontally"),
        /** Equal vertical gaps between neighbours, ordered top to bottom. */
        DISTRIBUTE_VERTICALLY("vertically");

        private final String words;

        Mode(String words) {
            this.words = words;
        }
    }

    private final Set<String> blockIds;
    private final Set<String> commentIds;
    private final Mode mode;
    private final BlockBounds bounds;

    public Align(Collection<String> blockIds, Collection<String> commentIds, Mode mode, BlockBounds bounds) {
        this.blockIds = Set.copyOf(blockIds);
        this.commentIds = Set.copyOf(commentIds);
        this.mode = Objects.requireNonNull(mode, "mode");
        this.bounds = Objects.requireNonNull(bounds, "bounds");
    }

    /** An item's box; {@code nx}, {@code ny} receive its new top-left corner. */
    private static final class Box {
        final String key;
        final double x;
        final double y;
        final double w;
        final double h;
        double nx;
        double ny;

        Box(String key, double x, double y, double w, double h) {
            this.key = key;
            this.x = x;
            this.y = y;
            this.w = w;
            this.h = h;
            this.nx = x;
            this.ny = y;
        }
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        List<Box> boxes = new ArrayList<>();
        for (Block b : before.blocks()) {
            if (blockIds.contains(b.id())) {
                boxes.add(new Box("b:" + b.id(), b.x(), b.y(), bounds.width(b), bounds.height(b)));
            }
        }
        for (Comment m : before.comments()) {
            if (commentIds.contains(m.id())) {
                boxes.add(new Box("c:" + m.id(), m.x(), m.y(), m.width(), m.height()));
            }
        }
        boolean distribute = mode == Mode.DISTRIBUTE_HORIZONTALLY || mode == Mode.DISTRIBUTE_VERTICALLY;
        if (distribute && boxes.size() < 3) {
            throw new CommandRefusedException("Select at least three items to distribute");
        }
        if (boxes.size() < 2) {
            throw new CommandRefusedException("Select at least two items to align");
        }
        double left = boxes.stream().mapToDouble(b -> b.x).min().orElseThrow();
        double right = boxes.stream().mapToDouble(b -> b.x + b.w).max().orElseThrow();
        double top = boxes.stream().mapToDouble(b -> b.y).min().orElseThrow();
        double bottom = boxes.stream().mapToDouble(b -> b.y + b.h).max().orElseThrow();
        switch (mode) {
            case LEFT -> boxes.forEach(b -> b.nx = left);
            case RIGHT -> boxes.forEach(b -> b.nx = right - b.w);
            case TOP -> boxes.forEach(b -> b.ny = top);
            case BOTTOM -> boxes.forEach(b -> b.ny = bottom - b.h);
            case CENTER_HORIZONTALLY -> boxes.forEach(b -> b.nx = (left + right) / 2 - b.w / 2);
            case CENTER_VERTICALLY -> boxes.forEach(b -> b.ny = (top + bottom) / 2 - b.h / 2);
            case DISTRIBUTE_HORIZONTALLY -> distribute(boxes, true);
            case DISTRIBUTE_VERTICALLY -> distribute(boxes, false);
            default -> throw new IllegalStateException(mode.toString());
        }
        Map<String, Box> byKey = new HashMap<>();
        boxes.forEach(b -> byKey.put(b.key, b));
        List<Block> blocks = new ArrayList<>(before.blocks().size());
        for (Block b : before.blocks()) {
            Box box = byKey.get("b:" + b.id());
            blocks.add(box == null ? b : b.withPosition(box.nx, box.ny));
        }
        List<Comment> comments = new ArrayList<>(before.comments().size());
        for (Comment m : before.comments()) {
            Box box = byKey.get("c:" + m.id());
            comments.add(box == null ? m : m.withPosition(box.nx, box.ny));
        }
        return new Circuit(before.name(), before.description(), blocks, before.wires(), comments);
    }

    private static void distribute(List<Box> boxes, boolean horizontal) {
        List<Box> sorted = new ArrayList<>(boxes);
        sorted.sort(Comparator.<Box>comparingDouble(b -> horizontal ? b.x : b.y).thenComparing(b -> b.key));
        Box first = sorted.get(0);
        Box last = sorted.get(sorted.size() - 1);
        double start = horizontal ? first.x : first.y;
        double end = horizontal ? last.x + last.w : last.y + last.h;
        double sizes = sorted.stream().mapToDouble(b -> horizontal ? b.w : b.h).sum();
        double gap = (end - start - sizes) / (sorted.size() - 1);
        double at = start;
        for (Box b : sorted) {
            if (horizontal) {
                b.nx = at;
                at += b.w + gap;
            } else {
                b.ny = at;
                at += b.h + gap;
            }
        }
    }

    @Override
    public boolean isStructural() {
        return false;
    }

    @Override
    public String description() {
        int n = blockIds.size() + commentIds.size();
        String what = commentIds.isEmpty() ? Edits.count(n, "block") : Edits.count(n, "item");
        return switch (mode) {
            case DISTRIBUTE_HORIZONTALLY -> "Distribute " + what + " horizontally";
            case DISTRIBUTE_VERTICALLY -> "Distribute " + what + " vertically";
            default -> "Align " + what + " " + mode.words;
        };
    }
}
