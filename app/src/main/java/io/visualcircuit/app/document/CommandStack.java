package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Circuit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The undo history of one document: a bounded list of executed edits and a position in it.
 *
 * <p>Each entry keeps the circuit before and after the edit that really ran. Circuits are
 * immutable and share their unchanged blocks, so a snapshot costs one list of references, and undo
 * can never drift from what was applied.
 *
 * <p>Dirty tracking counts positions: the document is clean when the position equals the position
 * of the last save. Undoing back to the saved point makes it clean again. When an edit discards the
 * redo entries that led to the saved point, or the saved point falls off the bounded history, that
 * point can never be reached again and the document stays dirty until the next save.
 *
 * <p>Not thread-safe: owned by the thread that owns its {@link Document}.
 */
public final class CommandStack {
    /** How many undo steps are kept when no other capacity is given. */
    public static final int DEFAULT_CAPACITY = 500;

    private static final int UNREACHABLE = -1;

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();
    /** Number of entries currently applied; entries at and after it can be redone. */
    private int position;
    /** The position at the last save, or {@link #UNREACHABLE}. */
    private int savedPosition;

    public CommandStack() {
        this(DEFAULT_CAPACITY);
    }

    public CommandStack(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** One executed edit. */
    private static final class Entry {
        final Command command;
        final Circuit before;
        Circuit after;

        Entry(Command command, Circuit before, Circuit after) {
            this.command = command;
            this.before = before;
            this.after = after;
        }
    }

    /**
     * Records an edit that has just been applied. Any redo entries are discarded. When the previous
     * entry accepts to {@linkplain Command#mergeWith merge} the new command (and the saved point
     * lies not between them), the two become one step; when the merged step ends where it began,
     * it is dropped altogether.
     *
     * @return true when the edit was merged into the previous step
     */
    public boolean push(Command command, Circuit before, Circuit after) {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        boolean discardedRedo = position < entries.size();
        if (discardedRedo) {
            entries.subList(position, entries.size()).clear();
            if (savedPosition > position) {
                savedPosition = UNREACHABLE;
            }
        }
        if (!discardedRedo && position > 0 && savedPosition != position) {
            Entry top = entries.get(position - 1);
            if (top.after == before && top.command.mergeWith(command)) {
                top.after = after;
                if (top.before.equals(after)) {
                    // The gesture came back to where it started (a drag returned home): no step.
                    entries.remove(position - 1);
                    position--;
                }
                return true;
            }
        }
        entries.add(new Entry(command, before, after));
        position++;
        if (entries.size() > capacity) {
            entries.remove(0);
            position--;
            savedPosition = savedPosition <= 0 ? UNREACHABLE : savedPosition - 1;
        }
        return false;
    }

    public boolean canUndo() {
        return position > 0;
    }

    public boolean canRedo() {
        return position < entries.size();
    }

    /** The edit that {@link #undo()} would take back, or null. */
    public Command undoCommand() {
        return canUndo() ? entries.get(position - 1).command : null;
    }

    /** The edit that {@link #redo()} would make again, or null. */
    public Command redoCommand() {
        return canRedo() ? entries.get(position).command : null;
    }

    /**
     * Steps back one edit.
     *
     * @return the circuit as it was before that edit
     * @throws IllegalStateException when there is nothing to undo
     */
    public Circuit undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        position--;
        return entries.get(position).before;
    }

    /**
     * Makes the next undone edit again.
     *
     * @return the circuit as it was after that edit
     * @throws IllegalStateException when there is nothing to redo
     */
    public Circuit redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        Entry e = entries.get(position);
        position++;
        return e.after;
    }

    /** True when the current position differs from the position at the last save. */
    public boolean isDirty() {
        return position != savedPosition;
    }

    /** Records that the current state is what is on disk. */
    public void markSaved() {
        savedPosition = position;
    }

    /** Records that no state in the history is on disk (for example recovered, never-saved work). */
    public void markUnsaved() {
        savedPosition = UNREACHABLE;
    }

    /** Forgets all history; the current state counts as saved. */
    public void clear() {
        entries.clear();
        position = 0;
        savedPosition = 0;
    }

    /** Number of undo steps available. */
    public int undoCount() {
        return position;
    }

    /** Number of redo steps available. */
    public int redoCount() {
        return entries.size() - position;
    }

    public int capacity() {
        return capacity;
    }
}
