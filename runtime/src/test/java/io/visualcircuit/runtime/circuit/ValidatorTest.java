package io.visualcircuit.runtime.circuit;

import io.visualcircuit.runtime.format.CircuitJson;
import io.visualcircuit.runtime.format.LoadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {

    /**
     * A valid base circuit; each case adds one line of blocks and/or wires. The expected position
     * is where {@code marker} last occurs in the text, that is, in the added line.
     */
    private static String circuit(String extraBlocks, String extraWires) {
        return "{\"format\": \"visualcircuit\", \"version\": 1, \"name\": \"t\",\n"
                + "\"blocks\": [\n"
                + "{\"id\": \"w\", \"type\": \"sine\", \"x\": 0, \"y\": 0},\n"
                + "{\"id\": \"d\", \"type\": \"display\", \"x\": 100, \"y\": 0},\n"
                + "{\"id\": \"c\", \"type\": \"clock\"},\n"
                + "{\"id\": \"v\", \"type\": \"image-view\"},\n"
                + "{\"id\": \"e\", \"type\": \"display\"}"
                + (extraBlocks.isEmpty() ? "" : ",\n" + extraBlocks) + "\n],\n"
                + "\"wires\": [\n"
                + "{\"from\": \"w.out\", \"to\": \"d.in\"}"
                + (extraWires.isEmpty() ? "" : ",\n" + extraWires) + "\n]}\n";
    }

    private static List<Problem> validate(String text) throws Exception {
        LoadResult r = CircuitJson.parse(text, "t.json");
        return Validator.validate(r.circuit(), Catalog.standard(), r.sourceMap());
    }

    private static int[] positionOf(String text, String marker) {
        int i = text.lastIndexOf(marker);
        if (i < 0) {
            throw new AssertionError("marker not found: " + marker);
        }
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < i; k++) {
            if (text.charAt(k) == '\n') {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, i - lineStart + 1};
    }

    @Test
    void shouldAcceptAValidCircuit() throws Exception {
        assertEquals(List.of(), validate(circuit("", "")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            unknown type       | {"id": "s", "type": "sinus"}                                 |                                              | "sinus"        | ERROR   | block "s": unknown block type "sinus" (did you mean "sine"?)
            duplicate id       | {"id": "w", "type": "display"}                               |                                              | "w", "type": "display"  | ERROR | the block id "w" is used more than once (first at line 3)
            unknown port       |                                                              | {"from": "w.output", "to": "e.in"}           | "w.output"     | ERROR   | wire 2 (w.output -> e.in): block "w" (sine) has no port "output"; its ports are out
            dangling wire      |                                                              | {"from": "gone.out", "to": "e.in"}           | "gone.out"     | ERROR   | wire 2 (gone.out -> e.in): there is no block "gone"
            wire from an input | {"id": "d2", "type": "display"}                              | {"from": "d.in", "to": "d2.in"}              | "d.in", "to"   | ERROR   | wire 2 (d.in -> d2.in): d.in is an input; a wire must start at an output
            wire into output   | {"id": "w2", "type": "sine"}                                 | {"from": "w2.out", "to": "w.out"}            | "w.out"}       | ERROR   | wire 2 (w2.out -> w.out): w.out is an output; a wire must end at an input
            incompatible types |                                                              | {"from": "c.out", "to": "v.in"}              | "v.in"         | ERROR   | wire 2 (c.out -> v.in): cannot connect a boolean output to an image input
            two wires in input | {"id": "w2", "type": "sine"}                                 | {"from": "w2.out", "to": "d.in"}             | "d.in"         | ERROR   | wire 2 (w2.out -> d.in): the input d.in already has a wire (wire 1 at line 11); an input takes at most one wire
            param wrong type   | {"id": "s", "type": "sine", "params": {"frequency": "fast"}} |                                              | "frequency"    | ERROR   | block "s": parameter "frequency" must be a number, not the text "fast"
            param out of range | {"id": "q", "type": "square", "params": {"duty": 2.5}}       |                                              | "duty"         | ERROR   | block "q": parameter "duty" must be from 0 to 1, not 2.5
            param not integer  | {"id": "t", "type": "threshold", "params": {"level": 12.5}}  |                                              | "level"        | ERROR   | block "t": parameter "level" must be a whole number, not 12.5
            param bad choice   | {"id": "k", "type": "compare", "params": {"op": "=>"}}       |                                              | "op"           | ERROR   | block "k": parameter "op" must be one of "<", "<=", ">", ">=", "==", "!=", not the text "=>"
            param not boolean  | {"id": "s", "type": "switch", "params": {"value": "yes"}}    |                                              | "value"        | ERROR   | block "s": parameter "value" must be true or false, not the text "yes"
            unknown param      | {"id": "s", "type": "sine", "params": {"colour": 1}}         |                                              | "colour"       | WARNING | block "s": a sine block has no parameter "colour" (it has frequency, amplitude, offset, phase); it is ignored
            negative rate      | {"id": "s", "type": "sine", "rate": -5}                      |                                              | -5             | ERROR   | block "s": rate must be from 0 to 10000 Hz (0 steps on each new input), not -5
            code port with dot | `{"id": "p", "type": "python", "code": "x", "inputs": [{"name": "a.b", "type": "number"}]}` | | {"name": "a.b" | ERROR | block "p": port name "a.b" must not contain a dot (wires are written "block.port")
            code port empty    | `{"id": "p", "type": "python", "code": "x", "inputs": [{"name": " ", "type": "number"}]}` | | {"name": " " | ERROR | block "p": a port name must not be empty
            code port padded   | `{"id": "p", "type": "python", "code": "x", "outputs": [{"name": "Out ", "type": "number"}]}` | | {"name": "Out " | ERROR | block "p": port name "Out " must not start or end with a space
            param number text  | {"id": "s", "type": "sine", "params": {"amplitude": "5"}}    |                                              | "amplitude"    | ERROR   | block "s": parameter "amplitude" must be a number, not the text "5"
            code port twice    | `{"id": "p", "type": "python", "code": "x", "inputs": [{"name": "In", "type": "number"}], "outputs": [{"name": "In", "type": "number"}]}` | | {"name": "In", "type": "number"}]} | ERROR | block "p": the port name "In" is declared twice (also in inputs)
            code port unknown  | `{"id": "p", "type": "python", "code": "x", "outputs": [{"name": "Out", "type": "number"}]}` | {"from": "p.Result", "to": "e.in"} | "p.Result" | ERROR | wire 2 (p.Result -> e.in): block "p" (python) has no port "Result"; its ports are Out
            code port types    | `{"id": "p", "type": "python", "code": "x", "outputs": [{"name": "Img", "type": "image"}]}` | {"from": "p.Img", "to": "e.in"}, {"from": "c.out", "to": "p.Img"} | "p.Img"} | ERROR | wire 3 (c.out -> p.Img): p.Img is an output; a wire must end at an input
            """)
    void shouldReportEachProblemKindWithItsPlace(String kind, String blocks, String wires, String marker,
                                                 Problem.Severity severity, String message) throws Exception {
        String text = circuit(blocks == null ? "" : blocks, wires == null ? "" : wires);
        List<Problem> problems = validate(text);
        assertEquals(1, problems.size(), kind + ": " + problems);
        Problem p = problems.get(0);
        assertEquals(message, p.message());
        assertEquals(severity, p.severity());
        int[] pos = positionOf(text, marker);
        assertEquals(pos[0], p.line(), kind + " line");
        assertEquals(pos[1], p.column(), kind + " column");
        assertEquals("t.json:" + pos[0] + ":" + pos[1] + ": " + (severity == Problem.Severity.WARNING ? "warning: " : "")
                + message, p.format("t.json"));
    }

    @Test
    void shouldAcceptPortNamesThatPythonCodeReadsAsText() throws Exception {
        String text = circuit("{\"id\": \"p\", \"type\": \"python\", \"code\": \"x\", \"inputs\": [{\"name\": \"Inp-0\","
                + " \"type\": \"number\"}], \"outputs\": [{\"name\": \"left image\", \"type\": \"image\"}]}",
                "{\"from\": \"w.out\", \"to\": \"p.Inp-0\"}, {\"from\": \"p.left image\", \"to\": \"v.in\"}");
        assertEquals(List.of(), validate(text));
    }

    @Test
    void shouldReportEveryProblemAtOnce() throws Exception {
        String text = circuit("{\"id\": \"s\", \"type\": \"sinus\"},\n{\"id\": \"q\", \"type\": \"square\","
                + " \"params\": {\"duty\": 7}}", "{\"from\": \"c.out\", \"to\": \"v.in\"},\n{\"from\": \"x.out\", \"to\": \"e.in\"}");
        List<Problem> problems = validate(text);
        assertEquals(4, problems.size(), problems.toString());
        assertTrue(problems.stream().allMatch(Problem::isError));
        assertEquals("s", problems.get(0).blockId());
        assertEquals("q", problems.get(1).blockId());
        assertEquals(1, problems.get(2).wireIndex());
        assertEquals(2, problems.get(3).wireIndex());
    }

    @Test
    void shouldNameTheBlockAndWireOfEachProblem() throws Exception {
        List<Problem> problems = validate(circuit("", "{\"from\": \"c.out\", \"to\": \"v.in\"}"));
        assertNull(problems.get(0).blockId());
        assertEquals(1, problems.get(0).wireIndex());
    }

    @Test
    void shouldValidateCircuitsBuiltInMemoryWithoutPositions() {
        Circuit c = new Circuit("m", null, List.of(Block.of("a", "zzzzzz", 0, 0)), List.of(), List.of());
        List<Problem> problems = Validator.validate(c, Catalog.standard());
        assertEquals(1, problems.size());
        assertEquals(0, problems.get(0).line());
        assertEquals("m.json:0:0: block \"a\": unknown block type \"zzzzzz\"", problems.get(0).format("m.json"));
    }
}
