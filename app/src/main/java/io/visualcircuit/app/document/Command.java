package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Circuit;

/**
 * One user edit of a circuit, such as "Move 3 blocks" or "Connect sine1.out → gain1.in".
 *
 * <p>A command computes the circuit after the edit from the circuit before it; it never mutates
 * anything shared. Undo and redo do not call the command again: the {@link CommandStack} keeps the
 * circuit before and after the edit that actually ran, so undo gives back exactly what was there.
 *
 * <p>Commands are made and executed on the thread that owns the {@link Document} (the JavaFX
 * application thread in the editor).
 */
public interface Command {

    /** What the edit does, for the Edit menu ("Undo Move 3 blocks"). Valid once {@link #apply} ran. */
    String description();

    /**
     * Computes the circuit after this edit.
     *
     * @return the new circuit; the same instance as {@code before} when the edit changes nothing
     * @throws CommandRefusedException with a user-readable reason when the edit is not allowed
     */
    Circuit apply(Circuit before) throws CommandRefusedException;

    /**
     * Whether the edit changes what runs (blocks, wires, ports, code, rates). While a circuit runs
     * the document refuses structural edits; moving blocks, tuning parameters and comments stay
     * allowed.
     */
    default boolean isStructural() {
        return true;
    }

    /**
     * Tries to absorb {@code next}, an edit executed right after this one, so both become one undo
     * step (a drag made of many small moves, or typing in one field). Returns true when this
     * command now describes both; the stack then drops {@code next}. The default never merges.
     */
    default boolean mergeWith(Command next) {
        return false;
    }
}
