package io.visualcircuit.runtime.vc;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static io.visualcircuit.runtime.vc.VcDoc.key;
import static io.visualcircuit.runtime.vc.VcImportSamplesTest.block;
import static io.visualcircuit.runtime.vc.VcImportSamplesTest.names;
import static io.visualcircuit.runtime.vc.VcImportSamplesTest.wires;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The mapping rules, each on a small document made for it. */
class VcImportRulesTest {

    private static VcImport.Result run(VcDoc doc) throws VcImportException {
        return VcImport.parse(doc.bytes(), "test.vc3");
    }

    private static void assertNote(VcImport.Result r, Predicate<String> p, String what) {
        assertTrue(r.notes().stream().anyMatch(p), () -> "expected a note " + what + " in " + r.notes());
    }

    /** A package with one input, one output, a code block doubling by parameter k, and k = 2. */
    private static VcDoc gainPackage() {
        return VcDoc.vc3("Gain")
                .input("gin", "x").output("gout", "y")
                .code("g", "def main(inputs, outputs, parameters, synchronise):\n    k = parameters.read_number('k')\n",
                        List.of("In"), List.of("Out"), List.of("k"), "30")
                .constant("kc", "k", "2", false)
                .wire("gin", "input-out", "g", "In")
                .wire("g", "Out", "gout", "output-in")
                .wire("kc", "constant-out", "g", "k");
    }

    @Test
    void shouldRerouteWiresThroughPackagesNestedTwoDeep() throws Exception {
        VcDoc chain = VcDoc.vc3("Chain")
                .input("cin", "in").output("cout", "out")
                .typed("i1", key('a'), 0, 0).typed("i2", key('a'), 200, 0)
                .wire("cin", "input-out", "i1", "gin")
                .wire("i1", "gout", "i2", "gin")
                .wire("i2", "gout", "cout", "output-in")
                .dependency(key('a'), gainPackage());
        // The inner package is only listed in the Chain's own dependencies, as the web editor nests them.
        VcDoc top = VcDoc.vc3("Top")
                .code("src", List.of(), List.of("Value"))
                .typed("chain1", key('b'), 300, 100)
                .code("sink", List.of("V"), List.of())
                .wire("src", "Value", "chain1", "cin")
                .wire("chain1", "cout", "sink", "V")
                .dependency(key('b'), chain);

        Circuit c = run(top).circuit();

        assertEquals(List.of("code", "gain", "gain_1", "code_1"), c.blocks().stream().map(Block::id).toList());
        assertEquals(Set.of("code.Value -> gain.In", "gain.Out -> gain_1.In", "gain_1.Out -> code_1.V"), wires(c));
        assertEquals(Map.of("k", 2L), block(c, "gain").params());
        assertEquals(Map.of("k", 2L), block(c, "gain_1").params());
        assertEquals("Gain", block(c, "gain").label());
        assertTrue(block(c, "gain").x() < block(c, "gain_1").x(), "the two instances keep their order");
    }

    @Test
    void shouldLetAConstantWiredToAPackageParameterOverrideThePackageDefault() throws Exception {
        VcDoc top = VcDoc.vc3("Top")
                .constant("five", "gainValue", "5", true)
                .typed("g1", key('a'), 0, 0)
                .typed("g2", key('a'), 400, 0)
                .wire("five", "constant-out", "g1", "kc")
                .dependency(key('a'), gainPackage());

        Circuit c = run(top).circuit();

        assertEquals(Map.of("k", 5L), block(c, "gain").params());
        assertEquals(Map.of("k", 2L), block(c, "gain_1").params());
        assertEquals(2, c.blocks().size(), "the constant became a parameter value, not a block");
    }

    @ParameterizedTest(name = "constant \"{0}\" on an input becomes a {1} block")
    @CsvSource({"3.5, constant, 3.5", "hello, text, hello", "7, constant, 7.0"})
    void shouldTurnAConstantWiredToAnInputIntoAConstantOrTextBlock(String value, String type, String shown)
            throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .constant("c1", "Speed Limit", value, true)
                .code("k", List.of("In"), List.of())
                .wire("c1", "constant-out", "k", "In");

        Circuit c = run(doc).circuit();

        Block constant = block(c, "speed_limit");
        assertEquals(type, constant.type());
        assertEquals("Speed Limit", constant.label());
        assertEquals(shown, String.valueOf(constant.params().get("value")));
        assertEquals(Set.of("speed_limit.out -> t.In"), wires(c));
    }

    @Test
    void shouldKeepAnUnwiredTopLevelConstantAsABlock() throws Exception {
        Circuit c = run(VcDoc.vc3("T").constant("c1", "Gain", "4", false)).circuit();
        assertEquals("constant", block(c, "gain").type());
        assertEquals(4.0, block(c, "gain").params().get("value"));
    }

    @Test
    void shouldNoteAndLeaveOutAnUnwiredConstantInsideAPackage() throws Exception {
        VcDoc pkg = VcDoc.vc3("Lonely").code("x", List.of(), List.of()).constant("c", "unused", "1", true);
        VcImport.Result r = run(VcDoc.vc3("T").typed("p", key('c'), 0, 0).dependency(key('c'), pkg));
        assertEquals(List.of("lonely"), r.circuit().blocks().stream().map(Block::id).toList());
        assertNote(r, n -> n.contains("constant 'unused' in package 'Lonely' is not connected"), "about the constant");
    }

    @Test
    void shouldDropUnknownBlockTypesAndTheirWiresWithNotes() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("k", List.of("In"), List.of())
                .typed("m", "basic.memory", 0, 0)
                .wire("m", "out", "k", "In");

        VcImport.Result r = run(doc);

        assertEquals(1, r.circuit().blocks().size());
        assertTrue(r.circuit().wires().isEmpty());
        assertNote(r, n -> n.contains("'basic.memory'"), "naming the unknown type");
        assertNote(r, n -> n.contains("wire m.out -> k.In") && n.contains("dropped"), "about the wire");
    }

    @Test
    void shouldDropAWireToAMissingPortWithANote() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("a", List.of(), List.of("Out"))
                .code("b", List.of("In"), List.of())
                .wire("a", "Out", "b", "Nope")
                .wire("a", "Gone", "b", "In")
                .wire("a", "Out", "ghost", "In");

        VcImport.Result r = run(doc);

        assertTrue(r.circuit().wires().isEmpty());
        assertNote(r, n -> n.contains("no input or parameter 'Nope'"), "about the missing input");
        assertNote(r, n -> n.contains("no output 'Gone'"), "about the missing output");
        assertNote(r, n -> n.contains("there is no block ghost"), "about the missing block");
    }

    @Test
    void shouldKeepOnlyTheFirstOfTwoWiresIntoOneInput() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("a", List.of(), List.of("Out"))
                .code("b", List.of(), List.of("Out"))
                .code("k", List.of("In"), List.of())
                .wire("a", "Out", "k", "In")
                .wire("b", "Out", "k", "In");

        VcImport.Result r = run(doc);

        assertEquals(Set.of("code.Out -> code_2.In"), wires(r.circuit()));
        assertNote(r, n -> n.contains("receives more than one wire"), "about the second wire");
    }

    @Test
    void shouldRefuseAPackageThatContainsItself() {
        VcDoc loop = VcDoc.vc3("Loop").typed("again", key('d'), 0, 0);
        VcDoc top = VcDoc.vc3("T").typed("p", key('d'), 0, 0).dependency(key('d'), loop);
        // The package can see itself because the top-level dependencies stay visible inside it.
        VcImportException e = assertThrows(VcImportException.class, () -> run(top));
        assertEquals("test.vc3: package 'Loop' contains itself, so it cannot be expanded", e.getMessage());
    }

    @Test
    void shouldRefuseAPackageExpansionThatExplodes() {
        VcDoc leaf = VcDoc.vc3("Leaf").code("x", List.of(), List.of());
        VcDoc wide = VcDoc.vc3("Wide").dependency(key('e'), leaf);
        for (int i = 0; i < 150; i++) {
            wide.typed("l" + i, key('e'), i, 0);
        }
        VcDoc top = VcDoc.vc3("T").dependency(key('f'), wide);
        for (int i = 0; i < 150; i++) {
            top.typed("w" + i, key('f'), i, 0);
        }
        VcImportException e = assertThrows(VcImportException.class, () -> run(top));
        assertTrue(e.getMessage().startsWith("test.vc3: expanding the packages gives more than 20000 blocks"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated JSON  | {\"design\": {\"graph\": {  | test.vc3:1:23: the file ends in the middle of the JSON (is it truncated?)",
            "bad character   | {\"design\": {\"graph\": {]}} | test.vc3:1:23: invalid JSON: Unexpected close marker ']': expected '}'",
            "empty file      | ''                         | test.vc3: the file is empty",
            "a JSON list     | [1, 2]                     | test.vc3:1:1: not a VisualCircuit project: the file is not a JSON object",
            "no design       | {\"package\": {}}          | test.vc3: not a VisualCircuit project: it has no design.graph",
            "our own format  | {\"format\": \"visualcircuit\", \"version\": 1} | test.vc3: not a VisualCircuit project: it has no design.graph (it looks like a circuit of this program; open it as .json)",
    })
    void shouldRefuseFilesThatAreNotVisualCircuitProjectsWithTheFileName(String what, String text, String message) {
        VcImportException e = assertThrows(VcImportException.class,
                () -> VcImport.parse(text.getBytes(StandardCharsets.UTF_8), "test.vc3"));
        assertTrue(e.getMessage().startsWith(message), e.getMessage());
    }

    @Test
    void shouldReportTheLineOfAJsonSyntaxError() {
        byte[] text = "{\n  \"design\": {\n    \"graph\": {,}\n  }\n}".getBytes(StandardCharsets.UTF_8);
        VcImportException e = assertThrows(VcImportException.class, () -> VcImport.parse(text, "lane.vc"));
        assertEquals("lane.vc", e.file());
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith("lane.vc:3:"), e.getMessage());
    }

    @Test
    void shouldRefuseInvalidUtf8WithAClearMessage() {
        byte[] text = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        VcImportException e = assertThrows(VcImportException.class, () -> VcImport.parse(text, "bad.vc3"));
        assertTrue(e.getMessage().startsWith("bad.vc3:1:"), e.getMessage());
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void shouldReadAFileFromDiskUnderItsFileName(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("My Project.vc3");
        Files.write(file, VcDoc.vc3("").code("k", List.of(), List.of()).bytes());
        VcImport.Result r = VcImport.read(file);
        assertEquals("My Project", r.circuit().name());
        Path broken = dir.resolve("broken.vc3");
        Files.writeString(broken, "{");
        VcImportException e = assertThrows(VcImportException.class, () -> VcImport.read(broken));
        assertTrue(e.getMessage().startsWith("broken.vc3:"), e.getMessage());
    }

    @Test
    void shouldTurnInformationBlocksIntoComments() throws Exception {
        Circuit c = run(VcDoc.vc3("T").info("i", "Remember: calibrate the camera").code("k", List.of(), List.of()))
                .circuit();
        assertEquals(1, c.comments().size());
        assertEquals("Remember: calibrate the camera", c.comments().get(0).text());
        assertEquals("note", c.comments().get(0).id());
    }

    @Test
    void shouldReadFrequencySuffixesAndNoteUnreadableOnes() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("a", "pass", List.of(), List.of(), List.of(), "1k")
                .code("b", "pass", List.of(), List.of(), List.of(), "fast")
                .code("c", "pass", List.of(), List.of(), List.of(), "0");
        VcImport.Result r = run(doc);
        assertEquals(1000.0, block(r.circuit(), "code").rate());
        assertEquals(30.0, block(r.circuit(), "code_1").rate());
        assertEquals(30.0, block(r.circuit(), "code_2").rate(), "0 means 30 in VisualCircuit, never event-driven");
        assertNote(r, n -> n.equals("code_1: frequency \"fast\" is not a number of Hz; using 30 Hz"), "on the bad rate");
    }

    @Test
    void shouldRenamePortNamesWithADotAndStillConnectTheirWires() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("a", List.of(), List.of("pose.x"))
                .code("b", List.of("in"), List.of())
                .wire("a", "pose.x", "b", "in");
        VcImport.Result r = run(doc);
        assertEquals(List.of("pose_x"), names(block(r.circuit(), "code").outputs()));
        assertEquals(Set.of("code.pose_x -> code_1.in"), wires(r.circuit()));
        assertNote(r, n -> n.contains("port 'pose.x' is named 'pose_x'"), "about the renamed port");
    }

    @Test
    void shouldSetAnUnwiredParameterToEmptyTextWithANote() throws Exception {
        VcDoc doc = VcDoc.vc3("Solo").code("a", "pass", List.of(), List.of(), List.of("Topic"), "30");
        VcImport.Result r = run(doc);
        assertEquals(Map.of("Topic", ""), block(r.circuit(), "solo").params());
        assertNote(r, n -> n.contains("parameter 'Topic' of solo has no constant"), "about the missing value");
    }

    @Test
    void shouldDropACodeOutputWiredToAParameterPort() throws Exception {
        VcDoc doc = VcDoc.vc3("T")
                .code("a", List.of(), List.of("Out"))
                .code("b", "pass", List.of(), List.of(), List.of("k"), "30")
                .wire("a", "Out", "b", "k");
        VcImport.Result r = run(doc);
        assertTrue(r.circuit().wires().isEmpty());
        assertNote(r, n -> n.contains("parameters take constants only"), "about the wire into a parameter");
    }

    @Test
    void shouldNoteTheVc2ApiOnlyForVc2Code() throws Exception {
        String vc2Code = "def loop(block_name, input_wires, output_wires, parameters, flags):\n    pass\n";
        VcImport.Result old = VcImport.parse(VcDoc.vc2("Old")
                .code("300", vc2Code, List.of(), List.of(), List.of(), null).bytes(), "old.vc");
        assertNote(old, n -> n.contains("VC2 API"), "about the old API");
        assertEquals(vc2Code, old.circuit().blocks().get(0).code());
        VcImport.Result modern = run(VcDoc.vc3("New").code("k", List.of(), List.of()));
        assertFalse(modern.notes().stream().anyMatch(n -> n.contains("VC2")), () -> "" + modern.notes());
    }

    @Test
    void shouldAddNoNotesWhenTheImportIsExact() throws Exception {
        VcImport.Result r = run(VcDoc.vc3("Clean").code("k", List.of(), List.of("Out")));
        assertEquals(List.of(), r.notes());
    }

    @Test
    void shouldNoteBlocksWithoutIdAndUnknownVersions() throws Exception {
        VcDoc doc = VcDoc.vc2("T").code("", List.of(), List.of());
        doc.root.put("version", "9.1");
        VcImport.Result r = VcImport.parse(doc.bytes(), "t.vc");
        assertNote(r, n -> n.contains("has no id"), "about the block without id");
        assertNote(r, n -> n.contains("version 9.1 is not known"), "about the version");
    }

    @Test
    void shouldSurviveFieldsOfTheWrongShapeWithNotes() throws Exception {
        String text = """
                {"version": "3.0", "package": {"name": 42}, "design": {"graph": {"blocks": [
                  7,
                  {"id": "a", "type": "basic.code", "data": {"code": 5, "ports": "none", "params": {"k": 1},
                   "frequency": ["30"]}, "position": {"x": "left", "y": null}},
                  {"id": "b", "type": "basic.constant", "data": {"name": ["x"], "value": {"v": 1}}}
                ], "wires": {"w": 1}}}, "dependencies": []}
                """;
        VcImport.Result r = VcImport.parse(text.getBytes(StandardCharsets.UTF_8), "odd.vc3");
        Circuit c = r.circuit();
        assertEquals("42", c.name());
        Block code = c.blocks().stream().filter(b -> b.type().equals("python")).findFirst().orElseThrow();
        assertEquals("", code.code());
        assertTrue(code.inputs().isEmpty() && code.outputs().isEmpty() && code.params().isEmpty());
        assertEquals(30.0, code.rate());
        assertNote(r, n -> n.contains("has no id"), "about the block that is a number");
        assertNote(r, n -> n.contains("has no code text"), "about the code");
        assertNote(r, n -> n.contains("design.graph.wires is not a list"), "about the wires");
    }

    @ParameterizedTest(name = "{0} levels")
    @ValueSource(ints = {65, 100, 5000})
    void shouldRefuseJsonNestedDeeperThanCircuitFilesMayWithAMessageNotACrash(int depth) {
        String text = "[".repeat(depth) + "]".repeat(depth);
        VcImportException e = assertThrows(VcImportException.class,
                () -> VcImport.parse(text.getBytes(StandardCharsets.UTF_8), "deep.vc3"));
        assertEquals("deep.vc3:1:66: the JSON is nested more than 64 levels deep; no circuit or VisualCircuit"
                + " project is", e.getMessage());
    }

    @Test
    void shouldAcceptNestingUpToTheLimitOfCircuitFiles() throws Exception {
        String deep = "[".repeat(55) + "]".repeat(55);
        String text = "{\"design\": {\"graph\": {\"blocks\": [{\"id\": \"a\", \"type\": \"basic.constant\","
                + " \"data\": {\"name\": \"k\", \"value\": \"1\", \"extra\": " + deep + "}}], \"wires\": []}}}";
        VcImport.Result r = VcImport.parse(text.getBytes(StandardCharsets.UTF_8), "ok.vc3");
        assertEquals(1, r.circuit().blocks().size());
    }

    @Test
    void shouldGiveTheDetailWithoutTheFileNameForCallersThatPrintItThemselves() {
        VcImportException e = assertThrows(VcImportException.class,
                () -> VcImport.parse("[]".getBytes(StandardCharsets.UTF_8), "x.vc"));
        assertEquals("not a VisualCircuit project: the file is not a JSON object", e.detail());
        assertEquals("x.vc:1:1: " + e.detail(), e.getMessage());
    }
}
