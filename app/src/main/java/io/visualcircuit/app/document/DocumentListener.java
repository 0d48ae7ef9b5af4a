package io.visualcircuit.app.document;

/**
 * Told after a {@link Document} changed: its circuit (execute, undo, redo, replace), its file or its
 * saved state. One coarse signal per change, so views compare {@link Document#revision()} and
 * redraw once instead of reacting to fine-grained events.
 *
 * <p>Called on the thread that made the change (the JavaFX application thread in the editor). A
 * listener must not edit the document from inside this call: such an edit is refused.
 */
@FunctionalInterface
public interface DocumentListener {
    void documentChanged(Document document);
}
