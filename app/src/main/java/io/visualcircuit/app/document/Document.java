package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Circuit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The circuit being edited in one editor window: the current immutable {@link Circuit}, the file it
 * belongs to (null until first saved) and its undo history.
 *
 * <p>Every change of the circuit goes through {@link #execute(Command)}, {@link #undo()},
 * {@link #redo()} or {@link #replaceAll(Circuit, Path)}; each bumps {@link #revision()} and tells the
 * listeners once. Selection, zoom and running state are not part of the document and never make it
 * dirty.
 *
 * <p>Threading: a document belongs to one thread (the JavaFX application thread in the editor); all
 * methods must be called on it, and listeners are called on it. Only {@link #setStructureLock} and
 * {@link #structureLock()} may be called from any thread, so a run can lock editing as it starts.
 *
 * <p>Re-entrancy: an edit requested while a command computes its result or while listeners are
 * being told about a change is refused, so no edit can slip in between a change and its
 * notification.
 */
public final class Document {
    private final CommandStack stack;
    private final List<DocumentListener> listeners = new ArrayList<>();
    private Circuit circuit;
    private Path file;
    private long revision;
    private boolean busy;
    private volatile String structureLock;

    /** An empty, unsaved, clean document. */
    public Document() {
        this(Circuit.empty(""), null);
    }

    public Document(Circuit circuit, Path file) {
        this(circuit, file, CommandStack.DEFAULT_CAPACITY);
    }

    public Document(Circuit circuit, Path file, int historyCapacity) {
        this.circuit = Objects.requireNonNull(circuit, "circuit");
        this.file = file;
        this.stack = new CommandStack(historyCapacity);
        this.stack.clear();
    }

    public Circuit circuit() {
        return circuit;
    }

    /** The file this document is saved to, or null when it was never saved. */
    public Path file() {
        return file;
    }

    /** Counts changes of the circuit; views and the autosave compare it to skip work. */
    public long revision() {
        return revision;
    }

    /**
     * Applies an edit and records it for undo (merged into the previous step when it continues the
     * same gesture). An edit that changes nothing is not recorded.
     *
     * @throws CommandRefusedException when the edit is not allowed, the structure is locked, or the
     *                                 call comes from inside another edit or a listener
     */
    public void execute(Command command) throws CommandRefusedException {
        Objects.requireNonNull(command, "command");
        refuseIfBusy();
        refuseIfLocked(command, null);
        Circuit before = circuit;
        Circuit after;
        busy = true;
        try {
            after = command.apply(before);
        } finally {
            busy = false;
        }
        if (after == null) {
            throw new IllegalStateException(command.getClass().getSimpleName() + " returned no circuit");
        }
        if (after == before || after.equals(before)) {
            return;
        }
        stack.push(command, before, after);
        changeTo(after);
    }

    /**
     * Takes back the last edit.
     *
     * @throws CommandRefusedException when the edit is structural and the structure is locked, or
     *                                 when called from inside an edit or a listener
     * @throws IllegalStateException   when there is nothing to undo
     */
    public void undo() throws CommandRefusedException {
        refuseIfBusy();
        if (!stack.canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        refuseIfLocked(stack.undoCommand(), "undo");
        changeTo(stack.undo());
    }

    /**
     * Makes the last undone edit again.
     *
     * @throws CommandRefusedException when the edit is structural and the structure is locked, or
     *                                 when called from inside an edit or a listener
     * @throws IllegalStateException   when there is nothing to redo
     */
    public void redo() throws CommandRefusedException {
        refuseIfBusy();
        if (!stack.canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        refuseIfLocked(stack.redoCommand(), "redo");
        changeTo(stack.redo());
    }

    public boolean canUndo() {
        return stack.canUndo();
    }

    public boolean canRedo() {
        return stack.canRedo();
    }

    /** What undo would take back, e.g. "Move 3 blocks", or null when there is nothing. */
    public String undoDescription() {
        Command c = stack.undoCommand();
        return c == null ? null : c.description();
    }

    /** What redo would make again, or null when there is nothing. */
    public String redoDescription() {
        Command c = stack.redoCommand();
        return c == null ? null : c.description();
    }

    /** True when the circuit differs from what was last saved (or was never saved and has edits). */
    public boolean isDirty() {
        return stack.isDirty();
    }

    /** Records that the current circuit is what is in {@link #file()}. Tells the listeners. */
    public void markSaved() {
        markSaved(file);
    }

    /** Records that the current circuit was saved to {@code savedTo} (Save As). Tells the listeners. */
    public void markSaved(Path savedTo) {
        refuseIfBusyUnchecked();
        this.file = savedTo;
        stack.markSaved();
        notifyListeners();
    }

    /**
     * Starts over with another circuit (New, Open): clears the history and counts as saved.
     * Not refused by the structure lock; the caller stops any run first.
     */
    public void replaceAll(Circuit newCircuit, Path newFile) {
        replace(newCircuit, newFile, false);
    }

    /**
     * Starts over with work that is not on disk, such as a recovered autosave: clears the history
     * and counts as dirty until saved.
     */
    public void replaceAllUnsaved(Circuit newCircuit, Path newFile) {
        replace(newCircuit, newFile, true);
    }

    private void replace(Circuit newCircuit, Path newFile, boolean unsaved) {
        Objects.requireNonNull(newCircuit, "circuit");
        refuseIfBusyUnchecked();
        stack.clear();
        if (unsaved) {
            stack.markUnsaved();
        }
        file = newFile;
        changeTo(newCircuit);
    }

    /**
     * Locks or unlocks structural edits. While {@code reasonOrNull} is set, executing, undoing or
     * redoing a command whose {@link Command#isStructural()} is true is refused with that reason
     * (for example "Stop the circuit to change its structure"). May be called from any thread.
     */
    public void setStructureLock(String reasonOrNull) {
        structureLock = reasonOrNull == null || reasonOrNull.isBlank() ? null : reasonOrNull;
    }

    /** The reason structural edits are refused now, if they are. May be called from any thread. */
    public Optional<String> structureLock() {
        return Optional.ofNullable(structureLock);
    }

    public void addListener(DocumentListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(DocumentListener listener) {
        listeners.remove(listener);
    }

    private void changeTo(Circuit next) {
        circuit = next;
        revision++;
        notifyListeners();
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        RuntimeException first = null;
        busy = true;
        try {
            for (DocumentListener l : List.copyOf(listeners)) {
                try {
                    l.documentChanged(this);
                } catch (RuntimeException e) {
                    // Keep telling the others: one broken view must not leave the rest stale.
                    if (first == null) {
                        first = e;
                    } else {
                        first.addSuppressed(e);
                    }
                }
            }
        } finally {
            busy = false;
        }
        if (first != null) {
            throw first;
        }
    }

    private void refuseIfBusy() throws CommandRefusedException {
        if (busy) {
            throw new CommandRefusedException(
                    "The circuit cannot be edited while another edit is still being made");
        }
    }

    private void refuseIfBusyUnchecked() {
        if (busy) {
            throw new IllegalStateException(
                    "The circuit cannot be replaced or marked saved while an edit is being made");
        }
    }

    private void refuseIfLocked(Command command, String verb) throws CommandRefusedException {
        String lock = structureLock;
        if (lock != null && command.isStructural()) {
            throw new CommandRefusedException(verb == null
                    ? lock
                    : lock + " (cannot " + verb + " \"" + command.description() + "\")");
        }
    }
}
