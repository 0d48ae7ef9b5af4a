package io.visualcircuit.app.document.commands;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static io.visualcircuit.app.document.Fixtures.port;
import static io.visualcircuit.app.document.Fixtures.sample;
import static io.visualcircuit.app.document.Fixtures.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Wire;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MainCommandsTest {

    @Test
    void shouldAddABlockWithAFreshTypeBasedId() throws Exception {
        AddBlocks add = AddBlocks.ofType(CATALOG, "sine", 40, 60);
        Circuit after = RoundTrip.check(sample(), add);
        assertEquals(List.of("sine2"), add.addedIds());
        Block b = after.block("sine2").orElseThrow();
        assertEquals(40, b.x());
        assertEquals(60, b.y());
        assertEquals("Add sine2", add.description());
    }

    @Test
    void shouldAddSeveralBlocksWithDistinctIds() throws Exception {
        AddBlocks add = new AddBlocks(CATALOG, List.of(Block.of("", "gain", 0, 0), Block.of("", "gain", 0, 0),
                Block.of("myconst", "sine", 0, 0)));
        Circuit after = RoundTrip.check(sample(), add);
        assertEquals(List.of("gain2", "gain3", "myconst"), add.addedIds());
        assertEquals(9, after.blocks().size());
        assertEquals("Add 3 blocks", add.description());
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "sine   | sine1   | There is already a block 'sine1'",
        "nosuch | ''      | There is no block type 'nosuch'",
        "sine   | 'a b'   | 'a b' is not a valid block id: use letters, digits, '_' and '-' (not starting with '-')",
    })
    void shouldRefuseAddingBadBlocks(String type, String id, String reason) {
        AddBlocks add = new AddBlocks(CATALOG, List.of(Block.of(id, type, 0, 0)));
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> add.apply(sample()));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldDeleteABlockTogetherWithItsWiresInOneStep() throws Exception {
        DeleteItems del = DeleteItems.blocks(List.of("gain1"));
        Circuit after = RoundTrip.check(sample(), del);
        assertTrue(after.block("gain1").isEmpty());
        assertEquals(List.of(wire("camera1.frame", "imageview1.image"), wire("sine1.out", "twice1.In")),
                after.wires());
        assertEquals("Delete gain1", del.description());
    }

    @Test
    void shouldDeleteAMixedSelection() throws Exception {
        DeleteItems del = new DeleteItems(List.of("camera1"), List.of(wire("sine1.out", "gain1.in")),
                List.of("note1"));
        Circuit after = RoundTrip.check(sample(), del);
        assertTrue(after.comments().isEmpty());
        assertFalse(after.wires().contains(wire("sine1.out", "gain1.in")));
        assertFalse(after.wires().contains(wire("camera1.frame", "imageview1.image")));
        assertEquals("Delete 3 items", del.description());
        assertTrue(del.isStructural());
    }

    @Test
    void shouldDeleteOneWire() throws Exception {
        DeleteItems del = DeleteItems.wire(wire("gain1.out", "display1.in"));
        Circuit after = RoundTrip.check(sample(), del);
        assertEquals(3, after.wires().size());
        assertEquals(6, after.blocks().size());
        assertEquals("Delete wire gain1.out → display1.in", del.description());
    }

    @Test
    void shouldRefuseDeletingNothing() {
        DeleteItems del = DeleteItems.blocks(List.of("gone"));
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> del.apply(sample()));
        assertEquals("Nothing is selected to delete", e.getMessage());
    }

    @Test
    void shouldMoveBlocksCommentsAndBendPointsOfInnerWires() throws Exception {
        Circuit start = sample().withWires(List.of(
                new Wire(port("sine1.out"), port("gain1.in"), List.of(new Wire.Point(100, 10))),
                new Wire(port("gain1.out"), port("display1.in"), List.of(new Wire.Point(300, 10)))));
        MoveItems move = new MoveItems(List.of("sine1", "gain1"), List.of("note1"), 10, 20, null);
        Circuit after = RoundTrip.check(start, move);
        assertEquals(10, after.block("sine1").orElseThrow().x());
        assertEquals(220, after.block("gain1").orElseThrow().x() + 10);
        assertEquals(420, after.comments().get(0).y());
        assertEquals(new Wire.Point(110, 30), after.wires().get(0).points().get(0));
        assertEquals(new Wire.Point(300, 10), after.wires().get(1).points().get(0), "display1 did not move");
        assertEquals("Move 3 items", move.description());
        assertFalse(move.isStructural());
    }

    @Test
    void shouldConnectAndDescribeTheWire() throws Exception {
        Connect c = new Connect(CATALOG, port("sine1.out"), port("display1.in"));
        Circuit after = RoundTrip.check(sample().withWires(List.of()), c);
        assertEquals(List.of(wire("sine1.out", "display1.in")), after.wires());
        assertEquals("Connect sine1.out → display1.in", c.description());
    }

    @Test
    void shouldReplaceTheWireAlreadyIntoTheInputInTheSameStep() throws Exception {
        Connect c = new Connect(CATALOG, port("sine1.out"), port("display1.in"));
        Circuit after = RoundTrip.check(sample(), c);
        assertFalse(after.wires().contains(wire("gain1.out", "display1.in")));
        assertTrue(after.wires().contains(wire("sine1.out", "display1.in")));
        assertEquals(4, after.wires().size());
        assertEquals(wire("gain1.out", "display1.in"), c.replacedWire());
    }

    @Test
    void shouldRefuseAnIncompatibleConnectionWithTheReason() {
        Connect c = new Connect(CATALOG, port("sine1.out"), port("imageview1.image"));
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> c.apply(sample()));
        assertEquals("Cannot connect number output to image input", e.getMessage());
    }

    @Test
    void shouldDisconnectAWire() throws Exception {
        Disconnect d = new Disconnect(wire("sine1.out", "gain1.in"));
        Circuit after = RoundTrip.check(sample(), d);
        assertFalse(after.wires().contains(wire("sine1.out", "gain1.in")));
        assertEquals("Disconnect sine1.out → gain1.in", d.description());
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> d.apply(after));
        assertEquals("There is no wire from sine1.out to gain1.in", e.getMessage());
    }

    @Test
    void shouldSetAParameter() throws Exception {
        SetParameter p = new SetParameter(CATALOG, "gain1", "k", 2.5);
        Circuit after = RoundTrip.check(sample(), p);
        assertEquals(2.5, after.block("gain1").orElseThrow().params().get("k"));
        assertEquals("Set gain1.k to 2.5", p.description());
        assertFalse(p.isStructural());
    }

    @Test
    void shouldResetAParameterToItsDefaultWithNull() throws Exception {
        SetParameter p = new SetParameter(CATALOG, "gain1", "k", null);
        Circuit after = RoundTrip.check(sample(), p);
        assertFalse(after.block("gain1").orElseThrow().params().containsKey("k"));
        assertEquals("Reset gain1.k to default", p.description());
    }

    @ParameterizedTest(name = "{0}.{1} = {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "gain1   | k         | 2       | 2.0",
        "gain1   | k         | ' -3.5' | -3.5",
        "camera1 | device    | 3       | 3",
        "camera1 | device    | 4.0     | 4",
        "camera1 | mirror    | TRUE    | true",
        "camera1 | mode      | gray    | gray",
        "camera1 | file      | a.png   | a.png",
        "twice1  | Gain      | 7       | 7.0",
    })
    void shouldAcceptTypedTextForParameters(String block, String name, String text, String stored)
            throws Exception {
        Circuit after = new SetParameter(CATALOG, block, name, text.trim()).apply(sample());
        Object v = after.block(block).orElseThrow().params().get(name);
        assertEquals(stored, String.valueOf(v));
    }

    @ParameterizedTest(name = "{0}.{1} = {2}")
    @CsvSource(delimiter = '|', value = {
        "gain1   | k         | 11      | gain1.k must be from -10 to 10, not 11",
        "gain1   | k         | -10.5   | gain1.k must be from -10 to 10, not -10.5",
        "gain1   | k         | abc     | gain1.k must be a number, not the text \"abc\"",
        "gain1   | k         | NaN     | gain1.k must be a finite number, not NaN",
        "sine1   | frequency | -1      | sine1.frequency must be from 0 to 1000 Hz, not -1",
        "camera1 | device    | 1.5     | camera1.device must be a whole number, not 1.5",
        "camera1 | device    | ten     | camera1.device must be a whole number, not the text \"ten\"",
        "camera1 | device    | 10      | camera1.device must be from 0 to 9, not 10",
        "camera1 | mirror    | yes     | camera1.mirror must be true or false, not the text \"yes\"",
        "camera1 | mode      | hsv     | camera1.mode must be one of \"rgb\", \"gray\", not the text \"hsv\"",
        "gain1   | gain      | 1       | gain blocks have no parameter 'gain'",
        "nosuch  | k         | 1       | There is no block 'nosuch'",
    })
    void shouldRefuseBadParameterValuesWithAReadableReason(String block, String name, String text, String reason) {
        SetParameter p = new SetParameter(CATALOG, block, name, text);
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> p.apply(sample()));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldRefuseNonTextForATextParameter() {
        SetParameter p = new SetParameter(CATALOG, "camera1", "title", 3.0);
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> p.apply(sample()));
        assertEquals("camera1.title must be text, not 3", e.getMessage());
    }
}
