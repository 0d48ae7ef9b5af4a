package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.IdGenerator;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import java.util.ArrayList;
import java.util.List;

/** Adds a comment note with a fresh id ({@code note1}, ...). Not structural: notes never run. */
public final class AddComment implements Command {
    private final double x;
    private final double y;
    private final double width;
    private final double height;
    private final String text;
    private String addedId;

    public AddComment(double x, double y, double width, double height, String text) {
        if (!(width > 0) || !(height > 0)) {
            throw new IllegalArgumentException("a comment needs a positive size");
        }
        this.x = x;
        this.y = y;
        this.width = width;
        this.height = height;
        this.text = text == null ? "" : text;
    }

    /** The id of the new comment, or null before the edit ran. */
    public String addedId() {
        return addedId;
    }

    @Override
    public Circuit apply(Circuit before) {
        addedId = IdGenerator.freshCommentId(IdGenerator.commentIds(before));
        List<Comment> comments = new ArrayList<>(before.comments());
        comments.add(new Comment(addedId, x, y, width, height, text));
        return before.withComments(comments);
    }

    @Override
    public boolean isStructural() {
        return false;
    }

    @Override
    public String description() {
        return "Add comment";
    }
}
