package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.circuit.Wire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** load -> save -> load keeps the circuit, and saving an unchanged file gives back its bytes. */
class RoundTripTest {

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("..", "sample-circuits"))) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void shouldSaveEverySampleToTheSameBytesAndCircuit(Path sample) throws Exception {
        byte[] original = Files.readAllBytes(sample);
        LoadResult first = CircuitFiles.read(sample);
        assertEquals(List.of(), first.warnings());
        assertEquals(List.of(), Validator.validate(first.circuit(), Catalog.standard(), first.sourceMap()));
        byte[] saved = CircuitJson.write(first.circuit());
        assertArrayEquals(original, saved, "samples are stored in canonical form");
        assertEquals(first.circuit(), CircuitJson.parse(saved, "saved").circuit());
    }

    static IntStream seeds() {
        return IntStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldRoundTripGeneratedCircuits(int seed) throws Exception {
        Circuit generated = new Generator(new Random(seed)).circuit();
        byte[] first = CircuitJson.write(generated);
        LoadResult loaded = CircuitJson.parse(first, "generated-" + seed);
        assertEquals(generated, loaded.circuit());
        assertEquals(List.of(), loaded.warnings());
        assertArrayEquals(first, CircuitJson.write(loaded.circuit()));
        List<Problem> problems = Validator.validate(loaded.circuit(), Catalog.standard(), loaded.sourceMap());
        assertTrue(problems.stream().noneMatch(Problem::isError), problems.toString());
    }

    @Test
    void shouldPointSourcePositionsOfGeneratedCircuitsAtTheirIds() throws Exception {
        Circuit c = new Generator(new Random(42)).circuit();
        String text = CircuitJson.writeString(c);
        LoadResult r = CircuitJson.parse(text, "g");
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < c.blocks().size(); i++) {
            var at = r.sourceMap().blockField(i, "id");
            String line = lines[at.line() - 1];
            assertTrue(line.substring(at.column() - 1).startsWith("\"" + jsonEscaped(c.blocks().get(i).id())),
                    line);
        }
    }

    private static String jsonEscaped(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * Random but valid circuits: catalog blocks with in-range parameters, code blocks with their own
     * ports, wires between compatible ports (at most one into each input), labels and texts with
     * quotes, escapes, control characters and characters outside the BMP.
     */
    static final class Generator {
        private static final String[] TEXT_PIECES = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\u0001", "é", "ü",
            "\u2028", "😀", "{", "}", "/", "<script>", "1.5", "null"};
        private final Random rnd;
        private final List<BlockType> types = Catalog.standard().types();

        Generator(Random rnd) {
            this.rnd = rnd;
        }

        Circuit circuit() {
            int n = rnd.nextInt(25);
            List<Block> blocks = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                blocks.add(block("b" + i + (rnd.nextInt(5) == 0 ? "." + text(3).replace("\u0000", "") : "")));
            }
            List<Wire> wires = wires(blocks);
            List<Comment> comments = new ArrayList<>();
            for (int i = rnd.nextInt(3); i > 0; i--) {
                comments.add(new Comment("c" + i, coord(), coord(), 50 + rnd.nextInt(300), 20 + rnd.nextInt(200),
                        text(40)));
            }
            return new Circuit(text(20), rnd.nextBoolean() ? null : text(80), blocks, wires, comments);
        }

        private Block block(String id) {
            BlockType type = types.get(rnd.nextInt(types.size()));
            Map<String, Object> params = new LinkedHashMap<>();
            List<PortSpec> inputs = List.of();
            List<PortSpec> outputs = List.of();
            String code = null;
            if (type.codeBlock()) {
                inputs = ports(Direction.IN, "In");
                outputs = ports(Direction.OUT, "Out");
                for (int i = rnd.nextInt(4); i > 0; i--) {
                    params.put("P" + i, switch (rnd.nextInt(4)) {
                        case 0 -> rnd.nextGaussian() * 100;
                        case 1 -> (long) rnd.nextInt();
                        case 2 -> rnd.nextBoolean();
                        default -> text(10);
                    });
                }
                code = "def step(inputs, outputs, parameters):\n    pass  # " + text(30) + "\n";
            } else {
                for (ParamSpec p : type.params()) {
                    if (rnd.nextBoolean()) {
                        params.put(p.name(), value(p));
                    }
                }
            }
            Double rate = null;
            if (rnd.nextInt(3) == 0) {
                rate = (double) rnd.nextInt(200);
            } else if (rnd.nextInt(5) == 0) {
                rate = 0.5;
            }
            String label = rnd.nextInt(3) == 0 ? text(15) : null;
            return new Block(id, type.id(), label, coord(), coord(), params, rate, inputs, outputs, code);
        }

        private List<PortSpec> ports(Direction dir, String prefix) {
            List<PortSpec> out = new ArrayList<>();
            for (int i = rnd.nextInt(4); i > 0; i--) {
                out.add(new PortSpec(prefix + i, dir, PortType.values()[rnd.nextInt(PortType.values().length)]));
            }
            return out;
        }

        private Object value(ParamSpec p) {
            double lo = p.min() == null ? -1e6 : p.min();
            double hi = p.max() == null ? 1e6 : p.max();
            return switch (p.type()) {
                case NUMBER -> rnd.nextInt(4) == 0 ? (double) Math.round(lo + rnd.nextDouble() * (hi - lo))
                        : lo + rnd.nextDouble() * (hi - lo);
                case INTEGER -> (long) Math.floor(lo + rnd.nextDouble() * (hi - lo));
                case BOOLEAN -> rnd.nextBoolean();
                case CHOICE -> p.choices().get(rnd.nextInt(p.choices().size()));
                case STRING, PATH -> text(20);
            };
        }

        private List<Wire> wires(List<Block> blocks) {
            Catalog catalog = Catalog.standard();
            List<Wire> wires = new ArrayList<>();
            Set<PortRef> fed = new HashSet<>();
            for (int attempt = 0; attempt < blocks.size() * 3; attempt++) {
                if (blocks.isEmpty()) {
                    break;
                }
                Block a = blocks.get(rnd.nextInt(blocks.size()));
                Block b = blocks.get(rnd.nextInt(blocks.size()));
                List<PortSpec> outs = catalog.portsOf(a).stream().filter(p -> p.direction() == Direction.OUT).toList();
                List<PortSpec> ins = catalog.portsOf(b).stream().filter(p -> p.direction() == Direction.IN).toList();
                if (outs.isEmpty() || ins.isEmpty()) {
                    continue;
                }
                PortSpec out = outs.get(rnd.nextInt(outs.size()));
                PortSpec in = ins.get(rnd.nextInt(ins.size()));
                PortRef to = new PortRef(b.id(), in.name());
                if (!out.type().canFeed(in.type()) || !fed.add(to)) {
                    continue;
                }
                List<Wire.Point> points = new ArrayList<>();
                for (int i = rnd.nextInt(3); i > 0; i--) {
                    points.add(new Wire.Point(coord(), coord()));
                }
                wires.add(new Wire(new PortRef(a.id(), out.name()), to, points));
            }
            return wires;
        }

        private double coord() {
            return switch (rnd.nextInt(3)) {
                case 0 -> rnd.nextInt(4000) - 1000;
                case 1 -> (rnd.nextInt(80000) - 20000) / 8.0;
                default -> rnd.nextDouble() * 1e4 + 1e-3;
            };
        }

        private String text(int maxPieces) {
            StringBuilder s = new StringBuilder();
            for (int i = rnd.nextInt(maxPieces + 1); i > 0; i--) {
                s.append(TEXT_PIECES[rnd.nextInt(TEXT_PIECES.length)]);
            }
            return s.toString();
        }
    }
}
