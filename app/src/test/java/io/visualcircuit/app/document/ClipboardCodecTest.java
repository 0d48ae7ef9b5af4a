package io.visualcircuit.app.document;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static io.visualcircuit.app.document.Fixtures.wire;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.app.document.commands.Paste;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.format.CircuitJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClipboardCodecTest {

    @Test
    void shouldKeepOnlyTheWiresInsideTheSelection() {
        Circuit fragment = ClipboardCodec.extract(Fixtures.sample(), List.of("sine1", "gain1", "twice1"), List.of());
        assertEquals(List.of("sine1", "gain1", "twice1"), fragment.blocks().stream().map(Block::id).toList());
        assertEquals(List.of(wire("sine1.out", "gain1.in"), wire("sine1.out", "twice1.In")), fragment.wires());
        assertTrue(fragment.comments().isEmpty());
    }

    @Test
    void shouldRoundTripASelectionThroughClipboardText() throws Exception {
        Circuit sample = Fixtures.sample();
        String text = ClipboardCodec.copy(sample, List.of("sine1", "gain1", "twice1"), List.of("note1"));
        assertTrue(ClipboardCodec.mayHoldCircuit(text));
        assertTrue(CircuitJson.parse(text, "copy").warnings().isEmpty(), "a valid circuit file");
        Circuit back = ClipboardCodec.parse(text);
        assertEquals(ClipboardCodec.extract(sample, List.of("sine1", "gain1", "twice1"), List.of("note1")), back);
        assertEquals("def main(inputs, outputs, parameters, synchronise):\n    pass\n",
                back.block("twice1").orElseThrow().code());
    }

    @Test
    void shouldPasteCopiedTextIntoTheSameCircuitWithRenamedIds() throws Exception {
        Document doc = new Document(Fixtures.sample(), null);
        String text = ClipboardCodec.copy(doc.circuit(), List.of("sine1", "gain1"), List.of("note1"));
        Paste paste = new Paste(CATALOG, ClipboardCodec.parse(text), 20, 20);
        doc.execute(paste);
        assertEquals(List.of("sine2", "gain2"), paste.pastedBlockIds());
        assertEquals(List.of("note2"), paste.pastedCommentIds());
        assertTrue(doc.circuit().wires().contains(wire("sine2.out", "gain2.in")));
        assertFalse(doc.circuit().wires().contains(wire("gain2.out", "display1.in")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "{\"format\": \"visualcircuit\", \"version\": 99, \"blocks\": []}",
        "[1, 2, 3]", "{\"format\": \"visualcircuit\", \"version\": 1, \"blocks\": ["})
    void shouldRefuseTextThatIsNotACircuitWithAReason(String text) {
        CommandRefusedException e = assertThrows(CommandRefusedException.class, () -> ClipboardCodec.parse(text));
        assertTrue(e.getMessage().startsWith("The clipboard"), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test
    void shouldSayWhereTheClipboardTextIsBroken() {
        CommandRefusedException e = assertThrows(CommandRefusedException.class,
                () -> ClipboardCodec.parse("{\"format\": \"visualcircuit\",\n \"version\": 1, \"blocks\": 5}"));
        assertTrue(e.getMessage().startsWith("The clipboard does not hold VisualCircuit blocks (line 2"),
                e.getMessage());
    }

    @Test
    void shouldNotOfferPasteForOrdinaryText() {
        assertFalse(ClipboardCodec.mayHoldCircuit("just some words"));
        assertFalse(ClipboardCodec.mayHoldCircuit(null));
    }
}
