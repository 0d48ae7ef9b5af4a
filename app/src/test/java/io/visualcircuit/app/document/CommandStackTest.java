package io.visualcircuit.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.runtime.circuit.Circuit;
import org.junit.jupiter.api.Test;

class CommandStackTest {

    private static Command named(String text) {
        return new Command() {
            @Override
            public String description() {
                return text;
            }

            @Override
            public Circuit apply(Circuit before) {
                return before;
            }
        };
    }

    private static Circuit c(int n) {
        return Circuit.empty("c" + n);
    }

    @Test
    void shouldKeepOnlyTheNewestStepsUpToCapacity() {
        CommandStack stack = new CommandStack(3);
        for (int i = 0; i < 5; i++) {
            stack.push(named("step" + i), c(i), c(i + 1));
        }
        assertEquals(3, stack.undoCount());
        assertEquals("step4", stack.undoCommand().description());
        assertEquals(c(4), stack.undo());
        assertEquals(c(3), stack.undo());
        assertEquals(c(2), stack.undo());
        assertFalse(stack.canUndo());
    }

    @Test
    void shouldStayDirtyWhenTheSavedPointFallsOffTheHistory() {
        CommandStack stack = new CommandStack(2);
        stack.markSaved();
        stack.push(named("a"), c(0), c(1));
        stack.push(named("b"), c(1), c(2));
        stack.push(named("c"), c(2), c(3));
        stack.undo();
        stack.undo();
        assertFalse(stack.canUndo());
        assertTrue(stack.isDirty(), "the saved state c0 is no longer reachable");
    }

    @Test
    void shouldGiveBackTheRecordedCircuitsOnUndoAndRedo() {
        CommandStack stack = new CommandStack();
        Circuit a = c(1);
        Circuit b = c(2);
        stack.push(named("x"), a, b);
        assertSame(a, stack.undo());
        assertSame(b, stack.redo());
        assertThrows(IllegalStateException.class, stack::redo);
    }

    @Test
    void shouldRefuseACapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new CommandStack(0));
    }
}
