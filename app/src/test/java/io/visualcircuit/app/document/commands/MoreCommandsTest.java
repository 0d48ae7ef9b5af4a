package io.visualcircuit.app.document.commands;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static io.visualcircuit.app.document.Fixtures.port;
import static io.visualcircuit.app.document.Fixtures.sample;
import static io.visualcircuit.app.document.Fixtures.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.Document;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoreCommandsTest {

    @Test
    void shouldSetAndClearALabel() throws Exception {
        SetLabel set = new SetLabel("sine1", "  Wave ");
        Circuit after = RoundTrip.check(sample(), set);
        assertEquals("Wave", after.block("sine1").orElseThrow().label());
        assertEquals("Set label of sine1 to 'Wave'", set.description());
        SetLabel clear = new SetLabel("sine1", " ");
        Circuit cleared = RoundTrip.check(after, clear);
        assertNull(cleared.block("sine1").orElseThrow().label());
        assertEquals("Clear label of sine1", clear.description());
        assertFalse(set.isStructural());
    }

    @Test
    void shouldSetARate() throws Exception {
        SetRate r = new SetRate("sine1", 50.0);
        Circuit after = RoundTrip.check(sample(), r);
        assertEquals(50.0, after.block("sine1").orElseThrow().rate());
        assertEquals("Set rate of sine1 to 50 Hz", r.description());
        assertTrue(r.isStructural());
    }

    @ParameterizedTest
    @CsvSource({"-1, -1", "NaN, NaN", "Infinity, Infinity", "10001, 10001", "10000.5, 10000.5"})
    void shouldRefuseANegativeOrNonFiniteRate(double rate, String shown) {
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> new SetRate("sine1", rate).apply(sample()));
        assertEquals("The rate of sine1 must be from 0 to 10000 Hz (0 steps on each new input), not " + shown,
                e.getMessage());
    }

    @Test
    void shouldRenameABlockAndRewriteItsWires() throws Exception {
        RenameBlock r = new RenameBlock("sine1", "wave");
        Circuit after = RoundTrip.check(sample(), r);
        assertTrue(after.block("sine1").isEmpty());
        assertEquals(0, after.blocks().indexOf(after.block("wave").orElseThrow()), "keeps its place");
        assertTrue(after.wires().contains(wire("wave.out", "gain1.in")));
        assertTrue(after.wires().contains(wire("wave.out", "twice1.In")));
        assertTrue(after.wires().stream().noneMatch(w -> w.from().block().equals("sine1")));
        assertEquals("Rename sine1 to wave", r.description());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "gain1   | There is already a block 'gain1'",
        "''      | A block id cannot be empty",
        "a.b     | 'a.b' is not a valid block id: use letters, digits, '_' and '-' (not starting with '-')",
        "-x      | '-x' is not a valid block id: use letters, digits, '_' and '-' (not starting with '-')",
    })
    void shouldRefuseRenamingToATakenOrInvalidId(String newId, String reason) {
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> new RenameBlock("sine1", newId).apply(sample()));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldSetTheCodeOfACodeBlockOnly() throws Exception {
        SetCode code = new SetCode(CATALOG, "twice1", "print('hi')\n");
        Circuit after = RoundTrip.check(sample(), code);
        assertEquals("print('hi')\n", after.block("twice1").orElseThrow().code());
        assertEquals("Edit code of twice1", code.description());
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> new SetCode(CATALOG, "gain1", "x").apply(sample()));
        assertEquals("gain1 is not a code block", e.getMessage());
    }

    @Test
    void shouldMergeTypingInTheCodeEditorIntoOneStep() throws Exception {
        Document doc = new Document(sample(), null);
        Object focus = new Object();
        for (String text : List.of("p", "pr", "pri", "print(1)")) {
            doc.execute(new SetCode(CATALOG, "twice1", text, focus));
        }
        doc.undo();
        assertFalse(doc.canUndo());
        doc.redo();
        assertEquals("print(1)", doc.circuit().block("twice1").orElseThrow().code());
    }

    @Test
    void shouldRenameWireEndsWhenAPortIsRenamed() throws Exception {
        SetPorts ports = new SetPorts(CATALOG, "twice1",
                List.of(PortSpec.in("x", PortType.NUMBER)), List.of(PortSpec.out("Out", PortType.NUMBER)),
                null, Map.of("In", "x"));
        Circuit after = RoundTrip.check(sample(), ports);
        assertTrue(after.wires().contains(wire("sine1.out", "twice1.x")));
        assertEquals(0, ports.droppedWires());
        assertEquals(Map.of("Gain", 2.0), after.block("twice1").orElseThrow().params());
    }

    @Test
    void shouldDropWiresOfRemovedOrIncompatiblePorts() throws Exception {
        Circuit start = sample().withWires(List.of(wire("sine1.out", "twice1.In"),
                wire("twice1.Out", "display1.in"), wire("twice1.Out", "gain1.in")));
        SetPorts ports = new SetPorts(CATALOG, "twice1",
                List.of(), List.of(PortSpec.out("Out", PortType.IMAGE)),
                Map.of("Gain", 3.0, "Offset", 1L), Map.of());
        Circuit after = RoundTrip.check(start, ports);
        assertEquals(List.of(wire("twice1.Out", "display1.in")), after.wires(),
                "display takes any type; gain needs a number; the input is gone");
        assertEquals(2, ports.droppedWires());
        Block b = after.block("twice1").orElseThrow();
        assertEquals(Map.of("Gain", 3.0, "Offset", 1L), b.params());
        assertEquals("Edit ports of twice1", ports.description());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "a   | a     | twice1 has two ports named 'a'",
        "a.b | c     | twice1: port name \"a.b\" must not contain a dot (wires are written \"block.port\")",
        "'a ' | c    | twice1: port name \"a \" must not start or end with a space",
        "''  | c     | twice1: a port name must not be empty",
    })
    void shouldRefuseBadPortLists(String in, String out, String reason) {
        SetPorts ports = new SetPorts(CATALOG, "twice1", List.of(PortSpec.in(in, PortType.NUMBER)),
                List.of(PortSpec.out(out, PortType.NUMBER)), null, null);
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> ports.apply(sample()));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldAcceptPortNamesWithSpacesAndDashesAsImportedFilesHave() throws Exception {
        SetPorts ports = new SetPorts(CATALOG, "twice1",
                List.of(PortSpec.in("Inp-0", PortType.NUMBER)), List.of(PortSpec.out("left image", PortType.NUMBER)),
                null, Map.of("In", "Inp-0", "Out", "left image"));
        Circuit after = RoundTrip.check(sample(), ports);
        assertTrue(after.wires().contains(wire("sine1.out", "twice1.Inp-0")));
        assertEquals(List.of(), Validator.validate(after, CATALOG), "the editor and the validator agree");
    }

    @Test
    void shouldRefuseSettingPortsOfAFixedTypeOrWrongDirection() {
        CommandRefusedException fixed = assertThrows(CommandRefusedException.class, () -> new SetPorts(CATALOG,
                "gain1", List.of(), List.of(), null, null).apply(sample()));
        assertEquals("gain1 is not a code block: its ports come from its type", fixed.getMessage());
        CommandRefusedException dir = assertThrows(CommandRefusedException.class, () -> new SetPorts(CATALOG,
                "twice1", List.of(PortSpec.out("o", PortType.ANY)), List.of(), null, null).apply(sample()));
        assertEquals("Port 'o' is listed as an input but declared as the other direction", dir.getMessage());
    }

    @Test
    void shouldAddAndEditAComment() throws Exception {
        AddComment add = new AddComment(10, 20, 150, 60, "Hello");
        Circuit after = RoundTrip.check(sample(), add);
        assertEquals("note2", add.addedId());
        assertEquals(new Comment("note2", 10, 20, 150, 60, "Hello"), after.comments().get(1));
        assertFalse(add.isStructural());
        EditComment edit = EditComment.text("note2", "Hello there", null);
        Circuit edited = RoundTrip.check(after, edit);
        assertEquals("Hello there", edited.comments().get(1).text());
        EditComment resize = EditComment.resize("note2", 300, 90, null);
        Circuit resized = RoundTrip.check(edited, resize);
        assertEquals(new Comment("note2", 10, 20, 300, 90, "Hello there"), resized.comments().get(1));
        assertEquals("Resize comment", resize.description());
        assertFalse(resize.isStructural());
    }

    @Test
    void shouldRefuseEditingAMissingCommentOrABadSize() {
        assertEquals("There is no comment 'note9'", assertThrows(CommandRefusedException.class,
                () -> EditComment.text("note9", "x", null).apply(sample())).getMessage());
        assertEquals("A comment needs a positive width and height", assertThrows(CommandRefusedException.class,
                () -> EditComment.resize("note1", 0, 10, null).apply(sample())).getMessage());
    }

    @Test
    void shouldPasteWithFreshIdsKeepingInnerWiresAndDroppingOuterOnes() throws Exception {
        Circuit fragment = new Circuit("clip", null,
                List.of(Block.of("sine1", "sine", 0, 0), Block.of("gain1", "gain", 200, 0).withParam("k", 3.0),
                        Block.of("fresh", "display", 400, 0)),
                List.of(new Wire(port("sine1.out"), port("gain1.in"), List.of(new Wire.Point(100, 5))),
                        wire("gain1.out", "display9.in")),
                List.of(new Comment("note1", 0, 100, 100, 50, "copied")));
        Paste paste = new Paste(CATALOG, fragment, 20, 30);
        Circuit after = RoundTrip.check(sample(), paste);
        assertEquals(List.of("sine2", "gain2", "fresh"), paste.pastedBlockIds());
        assertEquals(List.of("note2"), paste.pastedCommentIds());
        assertEquals(3.0, after.block("gain2").orElseThrow().params().get("k"));
        assertEquals(220, after.block("gain2").orElseThrow().x());
        assertEquals(30, after.block("sine2").orElseThrow().y());
        assertTrue(after.wires().contains(
                new Wire(port("sine2.out"), port("gain2.in"), List.of(new Wire.Point(120, 35)))));
        assertEquals(5, after.wires().size(), "the wire to display9 left the fragment and is dropped");
        assertEquals("copied", after.comments().get(1).text());
        assertEquals("Paste 4 items", paste.description());
    }

    @Test
    void shouldPasteTheSameFragmentTwiceWithoutClashes() throws Exception {
        Circuit fragment = new Circuit("clip", null, List.of(Block.of("gain1", "gain", 0, 0)), List.of(), List.of());
        Document doc = new Document(sample(), null);
        Paste first = new Paste(CATALOG, fragment, 10, 10);
        Paste second = new Paste(CATALOG, fragment, 20, 20);
        doc.execute(first);
        doc.execute(second);
        assertEquals(List.of("gain2"), first.pastedBlockIds());
        assertEquals(List.of("gain3"), second.pastedBlockIds());
        assertEquals("Paste gain3", doc.undoDescription());
    }

    @Test
    void shouldRefusePastingUnknownTypesOrNothing() {
        Circuit unknown = new Circuit("clip", null, List.of(Block.of("w", "warp", 0, 0)), List.of(), List.of());
        assertEquals("Cannot paste w: there is no block type 'warp'", assertThrows(CommandRefusedException.class,
                () -> new Paste(CATALOG, unknown, 0, 0).apply(sample())).getMessage());
        assertEquals("There is nothing to paste", assertThrows(CommandRefusedException.class,
                () -> new Paste(CATALOG, Circuit.empty("x"), 0, 0).apply(sample())).getMessage());
    }

    private static Circuit row() {
        return new Circuit("row", null, List.of(
                Block.of("a", "sine", 0, 10), Block.of("b", "sine", 100, 50), Block.of("c", "sine", 400, 0)),
                List.of(), List.of(new Comment("n", 50, 200, 40, 20, "")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "LEFT                    | 0,10 0,50 0,0       | Align 3 blocks left",
        "RIGHT                   | 400,10 400,50 400,0 | Align 3 blocks right",
        "TOP                     | 0,0 100,0 400,0     | Align 3 blocks top",
        "BOTTOM                  | 0,50 100,50 400,50  | Align 3 blocks bottom",
        "CENTER_HORIZONTALLY     | 200,10 200,50 200,0 | Align 3 blocks centred horizontally",
        "CENTER_VERTICALLY       | 0,25 100,25 400,25  | Align 3 blocks centred vertically",
        "DISTRIBUTE_HORIZONTALLY | 0,10 200,50 400,0   | Distribute 3 blocks horizontally",
        "DISTRIBUTE_VERTICALLY   | 0,25 100,50 400,0   | Distribute 3 blocks vertically",
    })
    void shouldAlignBlocks(Align.Mode mode, String positions, String description) throws Exception {
        Align align = new Align(List.of("a", "b", "c"), List.of(), mode, BlockBounds.fixed(100, 50));
        Circuit after = RoundTrip.check(row(), align);
        StringBuilder got = new StringBuilder();
        for (Block b : after.blocks()) {
            got.append(got.length() == 0 ? "" : " ").append(fmt(b.x())).append(',').append(fmt(b.y()));
        }
        assertEquals(positions, got.toString());
        assertEquals(description, align.description());
        assertFalse(align.isStructural());
    }

    @Test
    void shouldAlignCommentsWithBlocksUsingTheirOwnSize() throws Exception {
        Align align = new Align(List.of("c"), List.of("n"), Align.Mode.RIGHT, BlockBounds.fixed(100, 50));
        Circuit after = RoundTrip.check(row(), align);
        assertEquals(460, after.comments().get(0).x(), "right edge 500 minus width 40");
        assertEquals("Align 2 items right", align.description());
    }

    @Test
    void shouldRefuseAligningTooFewItems() {
        assertEquals("Select at least two items to align", assertThrows(CommandRefusedException.class,
                () -> new Align(List.of("a"), List.of(), Align.Mode.LEFT, BlockBounds.fixed(1, 1))
                        .apply(row())).getMessage());
        assertEquals("Select at least three items to distribute", assertThrows(CommandRefusedException.class,
                () -> new Align(List.of("a", "b"), List.of(), Align.Mode.DISTRIBUTE_VERTICALLY,
                        BlockBounds.fixed(1, 1)).apply(row())).getMessage());
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
