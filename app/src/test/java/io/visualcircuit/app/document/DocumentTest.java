package io.visualcircuit.app.document;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.commands.AddBlocks;
import io.visualcircuit.app.document.commands.Connect;
import io.visualcircuit.app.document.commands.DeleteItems;
import io.visualcircuit.app.document.commands.MoveItems;
import io.visualcircuit.app.document.commands.SetParameter;
import io.visualcircuit.runtime.circuit.Circuit;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DocumentTest {

    /** An edit that renames the circuit, so every execution is a distinct change. */
    private static final class Rename implements Command {
        private final String name;

        Rename(String name) {
            this.name = name;
        }

        @Override
        public String description() {
            return "Rename circuit to " + name;
        }

        @Override
        public Circuit apply(Circuit before) {
            return before.withName(name);
        }
    }

    private static Document sampleDocument() {
        return new Document(Fixtures.sample(), Path.of("sample.json"));
    }

    /**
     * E = execute a new edit, U = undo, R = redo, S = save. The document starts clean, as just
     * opened.
     */
    @ParameterizedTest(name = "[{0}] dirty={1}")
    @CsvSource({
        "'', false",
        "E, true",
        "E S, false",
        "E S U, true",
        "E S U R, false",
        "E U, false",
        "E U R, true",
        "E E S U U R R, false",
        "E E U U, false",
        "S E U, false",
        "E U E, true",
        "E S U E, true",
        "E S U E U, true",
        "E S U E S, false",
        "E E S U U E R, true",
    })
    void shouldTrackDirtyByUndoPositionAgainstSavedPosition(String actions, boolean dirty) throws Exception {
        Document doc = sampleDocument();
        int n = 0;
        for (String a : actions.trim().isEmpty() ? new String[0] : actions.trim().split("\\s+")) {
            switch (a) {
                case "E" -> doc.execute(new Rename("name" + n++));
                case "U" -> doc.undo();
                case "R" -> {
                    if (doc.canRedo()) {
                        doc.redo();
                    }
                }
                case "S" -> doc.markSaved();
                default -> throw new IllegalArgumentException(a);
            }
        }
        assertEquals(dirty, doc.isDirty());
    }

    @Test
    void shouldMergeADragOfTenMovesIntoOneUndoStep() throws Exception {
        Document doc = sampleDocument();
        Circuit start = doc.circuit();
        Object gesture = new Object();
        for (int i = 0; i < 10; i++) {
            doc.execute(new MoveItems(List.of("sine1", "gain1"), List.of("note1"), 5, -2, gesture));
        }
        assertEquals(50, doc.circuit().block("sine1").orElseThrow().x());
        assertEquals(-20, doc.circuit().block("gain1").orElseThrow().y() - 0);
        assertEquals("Move 3 items", doc.undoDescription());
        doc.undo();
        assertEquals(start, doc.circuit());
        assertFalse(doc.canUndo());
        doc.redo();
        assertEquals(50, doc.circuit().block("sine1").orElseThrow().x());
    }

    @Test
    void shouldLeaveNoStepWhenADragEndsWhereItStarted() throws Exception {
        Document doc = sampleDocument();
        Object gesture = new Object();
        doc.execute(new MoveItems(List.of("sine1"), List.of(), 30, 0, gesture));
        doc.execute(new MoveItems(List.of("sine1"), List.of(), -10, 0, gesture));
        assertTrue(doc.isDirty());
        doc.execute(new MoveItems(List.of("sine1"), List.of(), -20, 0, gesture));
        assertFalse(doc.canUndo());
        assertFalse(doc.isDirty());
        assertEquals(Fixtures.sample(), doc.circuit());
    }

    @Test
    void shouldKeepMovesOfDifferentGesturesAsSeparateSteps() throws Exception {
        Document doc = sampleDocument();
        doc.execute(new MoveItems(List.of("sine1"), List.of(), 5, 0, "drag-1"));
        doc.execute(new MoveItems(List.of("sine1"), List.of(), 5, 0, "drag-2"));
        doc.execute(MoveItems.blocks(List.of("sine1"), 5, 0));
        doc.execute(MoveItems.blocks(List.of("sine1"), 5, 0));
        int steps = 0;
        while (doc.canUndo()) {
            doc.undo();
            steps++;
        }
        assertEquals(4, steps);
    }

    @Test
    void shouldNotMergeAcrossTheSavedPoint() throws Exception {
        Document doc = sampleDocument();
        doc.execute(new MoveItems(List.of("sine1"), List.of(), 5, 0, "drag"));
        doc.markSaved();
        doc.execute(new MoveItems(List.of("sine1"), List.of(), 5, 0, "drag"));
        assertTrue(doc.isDirty());
        doc.undo();
        assertFalse(doc.isDirty(), "undo returns exactly to what was saved");
        assertEquals(5, doc.circuit().block("sine1").orElseThrow().x());
    }

    @Test
    void shouldMergeTypingInOneParameterFieldIntoOneStep() throws Exception {
        Document doc = sampleDocument();
        Object focus = new Object();
        doc.execute(new SetParameter(CATALOG, "gain1", "k", "3", focus));
        doc.execute(new SetParameter(CATALOG, "gain1", "k", "3.5", focus));
        doc.execute(new SetParameter(CATALOG, "gain1", "k", "4", focus));
        assertEquals("Set gain1.k to 4", doc.undoDescription());
        doc.undo();
        assertEquals(2.0, doc.circuit().block("gain1").orElseThrow().params().get("k"));
        assertFalse(doc.canUndo());
    }

    @Test
    void shouldNotRecordAnEditThatChangesNothing() throws Exception {
        Document doc = sampleDocument();
        long rev = doc.revision();
        doc.execute(MoveItems.blocks(List.of("sine1"), 0, 0));
        doc.execute(new SetParameter(CATALOG, "gain1", "k", 2.0));
        assertFalse(doc.canUndo());
        assertFalse(doc.isDirty());
        assertEquals(rev, doc.revision());
    }

    @Test
    void shouldRefuseAnEditMadeFromInsideAListener() throws Exception {
        Document doc = sampleDocument();
        AtomicReference<Exception> refused = new AtomicReference<>();
        doc.addListener(d -> {
            try {
                d.execute(new Rename("nested"));
            } catch (CommandRefusedException e) {
                refused.set(e);
            }
        });
        doc.execute(new Rename("outer"));
        assertTrue(refused.get() instanceof CommandRefusedException);
        assertEquals("outer", doc.circuit().name());
        assertEquals(1, countUndoSteps(doc));
    }

    @Test
    void shouldRefuseAnEditMadeFromInsideACommand() throws Exception {
        Document doc = sampleDocument();
        Command sneaky = new Command() {
            @Override
            public String description() {
                return "Sneaky";
            }

            @Override
            public Circuit apply(Circuit before) throws CommandRefusedException {
                doc.execute(new Rename("inner"));
                return before.withName("outer");
            }
        };
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> doc.execute(sneaky));
        assertTrue(e.getMessage().contains("another edit"), e.getMessage());
        assertEquals("Sample", doc.circuit().name());
        assertFalse(doc.canUndo());
        doc.execute(new Rename("after"));
        assertEquals("after", doc.circuit().name(), "the guard is released after a refused edit");
    }

    @Test
    void shouldRefuseStructuralEditsWhileLockedButAllowTuningAndMoving() throws Exception {
        Document doc = sampleDocument();
        doc.setStructureLock("Stop the circuit to change its structure");
        CommandRefusedException add = assertThrows(CommandRefusedException.class,
                () -> doc.execute(AddBlocks.ofType(CATALOG, "sine", 0, 0)));
        assertEquals("Stop the circuit to change its structure", add.getMessage());
        assertThrows(CommandRefusedException.class, () -> doc.execute(DeleteItems.blocks(List.of("sine1"))));
        assertThrows(CommandRefusedException.class, () -> doc.execute(
                new Connect(CATALOG, Fixtures.port("sine1.out"), Fixtures.port("display1.in"))));
        doc.execute(new SetParameter(CATALOG, "gain1", "k", 5.0));
        doc.execute(MoveItems.blocks(List.of("sine1"), 10, 10));
        doc.execute(DeleteItems.comments(List.of("note1")));
        assertEquals(3, countUndoSteps(doc));
    }

    @Test
    void shouldRefuseUndoingAStructuralEditWhileLocked() throws Exception {
        Document doc = sampleDocument();
        doc.execute(AddBlocks.ofType(CATALOG, "sine", 0, 0));
        doc.setStructureLock("The circuit is running");
        CommandRefusedException e = assertThrows(CommandRefusedException.class, doc::undo);
        assertTrue(e.getMessage().startsWith("The circuit is running"), e.getMessage());
        assertTrue(doc.circuit().block("sine2").isPresent());
        doc.setStructureLock(null);
        doc.undo();
        assertTrue(doc.circuit().block("sine2").isEmpty());
    }

    @Test
    void shouldTellListenersOncePerChangeAndBumpTheRevision() throws Exception {
        Document doc = sampleDocument();
        AtomicInteger calls = new AtomicInteger();
        List<Long> revisions = new ArrayList<>();
        doc.addListener(d -> {
            calls.incrementAndGet();
            revisions.add(d.revision());
        });
        doc.execute(new Rename("a"));
        doc.undo();
        doc.redo();
        assertEquals(List.of(1L, 2L, 3L), revisions);
        doc.markSaved();
        assertEquals(4, calls.get(), "saving changes the title, so listeners hear of it");
        assertEquals(3, doc.revision(), "saving does not change the circuit");
    }

    @Test
    void shouldStartCleanWithNoHistoryAfterReplaceAll() throws Exception {
        Document doc = sampleDocument();
        doc.execute(new Rename("a"));
        doc.replaceAll(Circuit.empty("new"), null);
        assertFalse(doc.isDirty());
        assertFalse(doc.canUndo());
        assertNull(doc.file());
        assertNull(doc.undoDescription());
        doc.replaceAllUnsaved(Fixtures.sample(), Path.of("x.json"));
        assertTrue(doc.isDirty(), "recovered work is not on disk yet");
    }

    @Test
    void shouldRecordTheNewFileOnSaveAs() {
        Document doc = new Document();
        doc.markSaved(Path.of("new.json"));
        assertEquals(Path.of("new.json"), doc.file());
    }

    @Test
    void shouldDescribeWhatUndoAndRedoWillDo() throws Exception {
        Document doc = sampleDocument();
        doc.execute(new SetParameter(CATALOG, "gain1", "k", 2.5));
        doc.execute(new Connect(CATALOG, Fixtures.port("sine1.out"), Fixtures.port("display1.in")));
        assertEquals("Connect sine1.out → display1.in", doc.undoDescription());
        doc.undo();
        assertEquals("Set gain1.k to 2.5", doc.undoDescription());
        assertEquals("Connect sine1.out → display1.in", doc.redoDescription());
    }

    private static int countUndoSteps(Document doc) throws CommandRefusedException {
        int n = 0;
        while (doc.canUndo()) {
            doc.setStructureLock(null);
            doc.undo();
            n++;
        }
        return n;
    }
}
