package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** Small helpers shared by the commands: lookups that refuse with a reason, and wording. */
final class Edits {
    private Edits() {
    }

    static Block requireBlock(Circuit c, String id) throws CommandRefusedException {
        return c.block(id).orElseThrow(() -> new CommandRefusedException("There is no block '" + id + "'"));
    }

    static Comment requireComment(Circuit c, String id) throws CommandRefusedException {
        for (Comment m : c.comments()) {
            if (m.id().equals(id)) {
                return m;
            }
        }
        throw new CommandRefusedException("There is no comment '" + id + "'");
    }

    /** The circuit with block {@code id} replaced by what {@code change} makes of it. */
    static Circuit replaceBlock(Circuit c, String id, UnaryOperator<Block> change) {
        List<Block> blocks = new ArrayList<>(c.blocks());
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(id)) {
                blocks.set(i, change.apply(blocks.get(i)));
            }
        }
        return c.withBlocks(blocks);
    }

    static Circuit replaceComment(Circuit c, String id, UnaryOperator<Comment> change) {
        List<Comment> comments = new ArrayList<>(c.comments());
        for (int i = 0; i < comments.size(); i++) {
            if (comments.get(i).id().equals(id)) {
                comments.set(i, change.apply(comments.get(i)));
            }
        }
        return c.withComments(comments);
    }

    static String wireText(Wire w) {
        return w.from() + " → " + w.to();
    }

    /** "1 block", "3 blocks". */
    static String count(int n, String singular) {
        return n + " " + singular + (n == 1 ? "" : "s");
    }

    /** A value as the user would type it: 2.0 as "2", text in quotes. */
    static String valueText(Object v) {
        if (v == null) {
            return "default";
        }
        if (v instanceof Double d && !d.isInfinite() && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }

    static boolean sameGesture(Object mine, Object theirs) {
        return mine != null && Objects.equals(mine, theirs);
    }
}
