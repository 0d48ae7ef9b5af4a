package io.visualcircuit.runtime.circuit;

import java.util.Objects;

/** A note on the canvas. It has no ports and never runs; it is saved with the circuit. */
public record Comment(String id, double x, double y, double width, double height, String text) {
    public Comment {
        Objects.requireNonNull(id, "id");
        text = text == null ? "" : text;
    }

    public Comment withPosition(double nx, double ny) {
        return new Comment(id, nx, ny, width, height, text);
    }

    public Comment withText(String t) {
        return new Comment(id, x, y, width, height, t);
    }
}
