package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.PortRef;

import java.util.Optional;
import java.util.Set;

/**
 * What the canvas asks of the editor when the user finishes a gesture. The canvas never changes the
 * circuit itself: it reports intents here and the editor turns them into document commands (one
 * command per gesture, so one undo step each). Defaults do nothing, so a read-only view (the
 * benchmark, an export) needs no editor.
 *
 * <p>Threading: every method is called on the FX thread.
 */
public interface CanvasActions {

    /** The selected blocks and comments were dragged by (dx, dy) world units (already snapped). */
    default void moveItems(Set<String> blockIds, Set<String> commentIds, double dx, double dy) {
    }

    /** Why a wire from output {@code from} to input {@code to} would be refused, or empty when it is fine. */
    default Optional<String> connectionRefusal(PortRef from, PortRef to) {
        return Optional.of("read-only view");
    }

    /** The user dropped a wire from output {@code from} on input {@code to}. */
    default void connect(PortRef from, PortRef to) {
    }

    /** Shows a short message (e.g. why a connection was refused). */
    default void message(String text) {
    }

    /**
     * Opens the quick-add search at screen point (screenX, screenY) for world point (wx, wy). When
     * {@code pending} is not null the user dropped a wire there: offer only blocks that can take it
     * and connect the new block ({@code pendingIsOutput} says which end {@code pending} is).
     */
    default void quickAdd(double screenX, double screenY, double wx, double wy, PortRef pending, boolean pendingIsOutput) {
    }

    /** A block type from the palette was dropped at world point (wx, wy). */
    default void addBlock(String type, double wx, double wy) {
    }

    /** The user renamed a block inline (its label). */
    default void rename(String blockId, String newLabel) {
    }

    /** The user double-clicked a block body (e.g. open the code of a code block). */
    default void openBlock(String blockId) {
    }

    /** The user double-clicked a comment note to edit its text. */
    default void editComment(String commentId) {
    }

    /** The user dragged the corner of a comment note to a new size (world units). */
    default void resizeComment(String commentId, double width, double height) {
    }

    /** The selection changed (clicks, rubber band, select all, clear). */
    default void selectionChanged() {
    }
}
