package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import java.util.Objects;

/**
 * Changes the text or the size of a comment note. Edits of the same note with the same gesture id
 * (typing, or dragging its resize handle) make one undo step. Not structural.
 */
public final class EditComment implements Command {
    private final String commentId;
    private final Object gesture;
    private String text;
    private Double width;
    private Double height;

    private EditComment(String commentId, String text, Double width, Double height, Object gesture) {
        this.commentId = Objects.requireNonNull(commentId, "commentId");
        this.text = text;
        this.width = width;
        this.height = height;
        this.gesture = gesture;
    }

    /** Replaces the text of a note. */
    public static EditComment text(String commentId, String text, Object gesture) {
        return new EditComment(commentId, text == null ? "" : text, null, null, gesture);
    }

    /** Resizes a note; sizes must be positive. */
    public static EditComment resize(String commentId, double width, double height, Object gesture) {
        return new EditComment(commentId, null, width, height, gesture);
    }

    @Override
    public Circuit apply(Circuit before) throws CommandRefusedException {
        Comment c = Edits.requireComment(before, commentId);
        if (width != null && (!(width > 0) || !(height > 0) || width.isInfinite() || height.isInfinite())) {
            throw new CommandRefusedException("A comment needs a positive width and height");
        }
        String t = text != null ? text : c.text();
        double w = width != null ? width : c.width();
        double h = height != null ? height : c.height();
        return Edits.replaceComment(before, commentId, m -> new Comment(m.id(), m.x(), m.y(), w, h, t));
    }

    @Override
    public boolean mergeWith(Command next) {
        if (next instanceof EditComment e && Edits.sameGesture(gesture, e.gesture) && commentId.equals(e.commentId)) {
            if (e.text != null) {
                text = e.text;
            }
            if (e.width != null) {
                width = e.width;
                height = e.height;
            }
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
        return text != null ? "Edit comment" : "Resize comment";
    }
}
