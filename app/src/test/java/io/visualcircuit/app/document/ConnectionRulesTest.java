package io.visualcircuit.app.document;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static io.visualcircuit.app.document.Fixtures.port;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionRulesTest {

    private static Circuit circuit() {
        List<Block> blocks = new ArrayList<>(Fixtures.sample().blocks());
        blocks.add(Block.of("sum1", "sum", 600, 0));
        return Fixtures.sample().withBlocks(blocks);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "sine1.out      | display1.in      | ''",
        "sine1.out      | sum1.a           | ''",
        "camera1.frame  | display1.in      | ''",
        "twice1.Out     | gain1.in         | ''",
        "gain1.out      | sum1.b           | ''",
        "sum1.out       | gain1.in         | ''",
        "sine1.out      | imageview1.image | Cannot connect number output to image input",
        "camera1.frame  | gain1.in         | Cannot connect image output to number input",
        "gain1.in       | sine1.out        | gain1.in is an input: a wire must start at an output",
        "sine1.out      | gain1.out        | gain1.out is an output: a wire must end at an input",
        "gain1.out      | gain1.in         | A block cannot be wired to itself (gain1)",
        "ghost.out      | gain1.in         | There is no block 'ghost'",
        "sine1.out      | ghost.in         | There is no block 'ghost'",
        "sine1.nope     | gain1.in         | sine1 has no port 'nope'",
        "sine1.out      | gain1.nope       | gain1 has no port 'nope'",
        "sine1.out      | gain1.in         | sine1.out is already wired to gain1.in",
    })
    void shouldJudgeWiresByTheStandardRules(String from, String to, String reason) {
        Optional<String> refusal = ConnectionRules.standard().refusal(circuit(), CATALOG, port(from), port(to));
        assertEquals(reason, refusal.orElse(""));
    }

    @Test
    void shouldAllowAFeedbackLoopThroughAnotherBlock() {
        Circuit c = circuit().withWires(List.of(Fixtures.wire("gain1.out", "sum1.a")));
        assertEquals(Optional.empty(),
                ConnectionRules.standard().refusal(c, CATALOG, port("sum1.out"), port("gain1.in")));
    }

    @Test
    void shouldListTheInputsAnOutputMayFeed() {
        List<PortRef> inputs = ConnectionRules.standard().compatibleInputs(circuit(), CATALOG, port("sine1.out"));
        assertEquals(List.of(port("display1.in"), port("sum1.a"), port("sum1.b")), inputs,
                "gain1.in and twice1.In already have this wire, imageview needs images, sine1 has no input");
        assertEquals(List.of(port("display1.in")),
                ConnectionRules.standard().compatibleInputs(circuit(), CATALOG, port("camera1.frame")),
                "imageview1.image already has this wire");
    }

    @Test
    void shouldHighlightExactlyWhatTheRulesAllowOnALargeCircuit() {
        List<Block> blocks = new ArrayList<>();
        List<io.visualcircuit.runtime.circuit.Wire> wires = new ArrayList<>();
        String[] types = {"sine", "gain", "sum", "camera", "imageview", "display", "python"};
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 300; i++) {
            String type = types[random.nextInt(types.length)];
            Block b = Block.of(type + "_" + i, type, i, i);
            if (type.equals("python")) {
                b = b.withPorts(List.of(io.visualcircuit.runtime.circuit.PortSpec.in("x", PortType.ANY)),
                        List.of(io.visualcircuit.runtime.circuit.PortSpec.out("y", PortType.NUMBER)));
            }
            blocks.add(b);
        }
        Circuit c = new Circuit("big", null, blocks, List.of(), List.of());
        for (int i = 0; i < 600; i++) {
            Block a = blocks.get(random.nextInt(blocks.size()));
            Block b = blocks.get(random.nextInt(blocks.size()));
            var outs = CATALOG.portsOf(a).stream().filter(p -> p.direction() == io.visualcircuit.runtime.circuit.Direction.OUT).toList();
            var ins = CATALOG.portsOf(b).stream().filter(p -> p.direction() == io.visualcircuit.runtime.circuit.Direction.IN).toList();
            if (!outs.isEmpty() && !ins.isEmpty()) {
                wires.add(new io.visualcircuit.runtime.circuit.Wire(new PortRef(a.id(), outs.get(0).name()),
                        new PortRef(b.id(), ins.get(0).name())));
            }
        }
        c = c.withWires(wires);
        ConnectionRules standard = ConnectionRules.standard();
        ConnectionRules generic = standard::refusal;
        for (Block b : blocks) {
            for (var p : CATALOG.portsOf(b)) {
                PortRef from = new PortRef(b.id(), p.name());
                assertEquals(generic.compatibleInputs(c, CATALOG, from), standard.compatibleInputs(c, CATALOG, from),
                        from.toString());
            }
        }
    }

    @Test
    void shouldUsePluggedRulesForHighlighting() {
        ConnectionRules onlyDisplays = (c, cat, from, to) -> to.block().startsWith("display")
                ? Optional.empty() : Optional.of("only displays");
        assertEquals(List.of(port("display1.in")), onlyDisplays.compatibleInputs(circuit(), CATALOG, port("sine1.out")));
    }

    @Test
    void shouldSwapPortsTheUserJoinedBackwards() {
        assertArrayEquals(new PortRef[] {port("sine1.out"), port("gain1.in")},
                ConnectionRules.normalise(circuit(), CATALOG, port("gain1.in"), port("sine1.out")));
        assertArrayEquals(new PortRef[] {port("sine1.out"), port("gain1.in")},
                ConnectionRules.normalise(circuit(), CATALOG, port("sine1.out"), port("gain1.in")));
        assertArrayEquals(new PortRef[] {port("gain1.in"), port("sum1.a")},
                ConnectionRules.normalise(circuit(), CATALOG, port("gain1.in"), port("sum1.a")),
                "two inputs stay as they are, so the refusal can explain");
    }

    @Test
    void shouldOfferBlockTypesThatAcceptAnOutputType() {
        assertEquals(List.of("gain", "sum", "display"), ids(ConnectionRules.blockTypesAccepting(CATALOG, PortType.NUMBER)));
        assertEquals(List.of("imageview", "display"), ids(ConnectionRules.blockTypesAccepting(CATALOG, PortType.IMAGE)));
        assertEquals(List.of("sine", "gain", "sum"), ids(ConnectionRules.blockTypesFeeding(CATALOG, PortType.NUMBER)));
    }

    private static List<String> ids(List<BlockType> types) {
        return types.stream().map(BlockType::id).toList();
    }
}
