package io.visualcircuit.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.commands.AddBlocks;
import io.visualcircuit.app.document.commands.Connect;
import io.visualcircuit.app.document.commands.MoveItems;
import io.visualcircuit.app.document.commands.Paste;
import io.visualcircuit.app.document.commands.SetParameter;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.format.CircuitJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first thing a new user does, through the document layer only, with the real catalog. */
class BuildFromScratchTest {
    @TempDir
    Path dir;

    @Test
    void shouldBuildSineGainDisplayThatValidatesAndReopensUnchanged() throws Exception {
        Catalog catalog = Catalog.standard();
        Document doc = new Document();
        for (String type : List.of("sine", "gain", "display")) {
            doc.execute(AddBlocks.ofType(catalog, type, 0, 0));
        }
        doc.execute(new Connect(catalog, PortRef.parse("sine1.out"), PortRef.parse("gain1.in")));
        doc.execute(new Connect(catalog, PortRef.parse("gain1.out"), PortRef.parse("display1.in")));
        doc.execute(new SetParameter(catalog, "gain1", "k", "2"));
        doc.execute(MoveItems.blocks(List.of("gain1"), 200, 0));
        String copied = ClipboardCodec.copy(doc.circuit(), List.of("sine1", "gain1"), List.of());
        doc.execute(new Paste(catalog, ClipboardCodec.parse(copied), 0, 150));

        List<Problem> problems = Validator.validate(doc.circuit(), catalog);
        assertTrue(problems.stream().noneMatch(p -> p.severity() == Problem.Severity.ERROR), problems.toString());
        assertEquals(8, undoAll(doc));

        while (doc.canRedo()) {
            doc.redo();
        }
        Path file = dir.resolve("hello.json");
        new DocumentStore(dir.resolve("settings")).save(doc, file);
        assertFalse(doc.isDirty());
        Circuit reopened = CircuitJson.parse(Files.readAllBytes(file), "hello.json").circuit();
        assertEquals(CircuitJson.writeString(doc.circuit()), CircuitJson.writeString(reopened));
        assertEquals(List.of("sine1", "gain1", "display1", "sine2", "gain2"),
                reopened.blocks().stream().map(b -> b.id()).toList());
    }

    private static int undoAll(Document doc) throws CommandRefusedException {
        int n = 0;
        while (doc.canUndo()) {
            doc.undo();
            n++;
        }
        assertTrue(doc.circuit().blocks().isEmpty());
        assertFalse(doc.isDirty(), "back at the empty, unsaved-but-unchanged start");
        return n;
    }
}
