package io.visualcircuit.app.document.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.Command;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.Document;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.format.CircuitJson;

/** Executes a command in a document, then checks that undo and redo give back the same file text. */
final class RoundTrip {
    private RoundTrip() {
    }

    /** The saved form of a circuit, used to compare states exactly as they would be on disk. */
    static String text(Circuit c) {
        return CircuitJson.writeString(c);
    }

    /** Runs {@code command} on {@code start} and checks undo/redo; returns the circuit after it. */
    static Circuit check(Circuit start, Command command) throws CommandRefusedException {
        Document doc = new Document(start, null);
        String before = text(doc.circuit());
        doc.execute(command);
        Circuit after = doc.circuit();
        String afterText = text(after);
        assertNotEquals(before, afterText, "the command changed nothing");
        assertTrue(doc.canUndo());
        doc.undo();
        assertEquals(before, text(doc.circuit()), "undo of " + command.description());
        doc.redo();
        assertEquals(afterText, text(doc.circuit()), "redo of " + command.description());
        doc.undo();
        doc.redo();
        assertEquals(afterText, text(doc.circuit()), "second redo of " + command.description());
        return after;
    }
}
