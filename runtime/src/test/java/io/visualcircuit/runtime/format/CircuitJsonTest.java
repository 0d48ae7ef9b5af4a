package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Wire;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitJsonTest {

    static final String HELLO = """
            {
              "format": "visualcircuit",
              "version": 1,
              "name": "Hello sine",
              "description": "optional text",
              "blocks": [
                {"id": "wave", "type": "sine", "x": 80, "y": 120, "params": {"frequency": 0.5, "amplitude": 2.0}, "rate": 50},
                {"id": "twice", "type": "python", "x": 300, "y": 120,
                 "inputs": [{"name": "In", "type": "number"}], "outputs": [{"name": "Out", "type": "number"}],
                 "params": {"Gain": 2.0},
                 "code": "def main(inputs, outputs, parameters, synchronise):\\n    ..."},
                {"id": "show", "type": "display", "x": 520, "y": 120}
              ],
              "wires": [
                {"from": "wave.out", "to": "twice.In"},
                {"from": "twice.Out", "to": "show.in"}
              ]
            }
            """;

    @Test
    void shouldReadTheVersionOneExample() throws Exception {
        LoadResult r = CircuitJson.parse(HELLO, "hello.json");
        Circuit c = r.circuit();
        assertEquals("Hello sine", c.name());
        assertEquals("optional text", c.description());
        assertEquals(3, c.blocks().size());
        Block wave = c.blocks().get(0);
        assertEquals("sine", wave.type());
        assertEquals(80.0, wave.x());
        assertEquals(120.0, wave.y());
        assertEquals(50.0, wave.rate());
        assertEquals(Map.of("frequency", 0.5, "amplitude", 2.0), wave.params());
        Block twice = c.blocks().get(1);
        assertEquals(List.of(PortSpec.in("In", PortType.NUMBER)), twice.inputs());
        assertEquals(List.of(PortSpec.out("Out", PortType.NUMBER)), twice.outputs());
        assertEquals("def main(inputs, outputs, parameters, synchronise):\n    ...", twice.code());
        assertNull(c.blocks().get(2).rate());
        assertEquals(new Wire(new PortRef("wave", "out"), new PortRef("twice", "In")), c.wires().get(0));
        assertTrue(r.warnings().isEmpty(), r.warnings().toString());
        assertEquals(7, r.sourceMap().block(0).line());
        assertEquals(5, r.sourceMap().block(0).column());
    }

    @Test
    void shouldGiveBackTheSameBytesWhenSavingAnUnchangedFile() throws Exception {
        byte[] first = CircuitJson.write(CircuitJson.parse(HELLO, "hello.json").circuit());
        byte[] second = CircuitJson.write(CircuitJson.parse(first, "saved.json").circuit());
        assertArrayEquals(first, second);
        assertEquals(CircuitJson.parse(HELLO, "a").circuit(), CircuitJson.parse(second, "b").circuit());
    }

    @Test
    void shouldKeepOptionalFieldsOnlyWhenPresent() throws Exception {
        Circuit c = new Circuit("n", null,
                List.of(Block.of("a", "constant", 1, 2).withLabel("Speed").withParam("value", 3L),
                        Block.of("b", "display", 10.5, -4)),
                List.of(new Wire(new PortRef("a", "out"), new PortRef("b", "in"),
                        List.of(new Wire.Point(5, 6), new Wire.Point(7.25, 8)))),
                List.of(new Comment("note", 0, 0, 200, 80, "Tune \"k\" here\nthen run")));
        String text = CircuitJson.writeString(c);
        assertTrue(text.contains("\"label\": \"Speed\""), text);
        assertTrue(text.contains("\"points\": [[5, 6], [7.25, 8]]"), text);
        assertTrue(text.contains("\"text\": \"Tune \\\"k\\\" here\\nthen run\""), text);
        assertTrue(!text.contains("\"description\""), text);
        assertTrue(!text.contains("\"rate\""), text);
        assertTrue(text.endsWith("}\n"));
        assertEquals(c, CircuitJson.parse(text, "x").circuit());
    }

    @Test
    void shouldWriteKeysInAStableOrder() {
        Circuit c = new Circuit("n", "d", List.of(Block.of("a", "sine", 1, 2).withRate(50.0)
                .withParam("frequency", 2.0)), List.of(), List.of());
        String expected = """
                {
                  "format": "visualcircuit",
                  "version": 1,
                  "name": "n",
                  "description": "d",
                  "blocks": [
                    {
                      "id": "a",
                      "type": "sine",
                      "x": 1,
                      "y": 2,
                      "rate": 50,
                      "params": {
                        "frequency": 2.0
                      }
                    }
                  ],
                  "wires": []
                }
                """;
        assertEquals(expected, new String(CircuitJson.write(c), StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAHigherVersionSayingSo() {
        CircuitFormatException e = assertThrows(CircuitFormatException.class, () ->
                CircuitJson.parse("{\"format\": \"visualcircuit\",\n \"version\": 2, \"blocks\": []}", "new.json"));
        assertEquals(2, e.line());
        assertEquals(13, e.column());
        assertTrue(e.detail().contains("version 2"), e.detail());
        assertTrue(e.detail().contains("newer VisualCircuit"), e.detail());
    }

    @Test
    void shouldWarnAboutUnknownFieldsNamingThem() throws Exception {
        LoadResult r = CircuitJson.parse("""
                {"format": "visualcircuit", "version": 1, "zoom": 2,
                 "blocks": [{"id": "a", "type": "display", "colour": "red"}]}
                """, "x.json");
        List<Problem> w = r.warnings();
        assertEquals(2, w.size(), w.toString());
        assertEquals("unknown field \"zoom\" at the top level is ignored", w.get(0).message());
        assertEquals(1, w.get(0).line());
        assertEquals(43, w.get(0).column());
        assertEquals("unknown field \"colour\" in block \"a\" is ignored", w.get(1).message());
        assertEquals(Problem.Severity.WARNING, w.get(1).severity());
    }

    @Test
    void shouldCountColumnsInCharactersNotBytes() {
        String text = "{\"format\": \"visualcircuit\", \"version\": 1, \"name\": \"Grüße ✓\", \"blocks\": 7}";
        CircuitFormatException e = assertThrows(CircuitFormatException.class, () -> CircuitJson.parse(text, "u.json"));
        assertEquals(text.indexOf("7") + 1, e.column());
    }

    @Test
    void shouldPointAtTheFirstInvalidUtf8Byte() {
        byte[] bytes = "{\"format\": \"visualcircuit\",\n \"name\": \"é?\"}".getBytes(StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xC3; // a lead byte followed by a quote: malformed
        CircuitFormatException e = assertThrows(CircuitFormatException.class, () -> CircuitJson.parse(bytes, "b.json"));
        assertEquals(2, e.line());
        assertEquals(12, e.column());
        assertTrue(e.detail().startsWith("the file is not valid UTF-8 text"), e.detail());
    }

    @Test
    void shouldAcceptAByteOrderMark() throws Exception {
        byte[] body = "{\"format\": \"visualcircuit\", \"version\": 1, \"name\": \"bom\"}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertEquals("bom", CircuitJson.parse(withBom, "bom.json").circuit().name());
    }
}
