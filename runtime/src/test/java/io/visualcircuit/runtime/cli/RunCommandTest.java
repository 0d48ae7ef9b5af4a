package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.format.CircuitJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code vcircuit run}, driven through the real command tree. */
class RunCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = VcircuitCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private Path save(Circuit c) throws Exception {
        Path f = dir.resolve("circuit.json");
        Files.write(f, CircuitJson.write(c));
        return f;
    }

    private static Block block(String id, String type, Double rate, Map<String, Object> params) {
        return Block.of(id, type, 0, 0).withRate(rate).withParams(params);
    }

    private static Wire wire(String from, String to) {
        return new Wire(PortRef.parse(from), PortRef.parse(to));
    }

    @Test
    void shouldTraceEveryValueOfEveryWireAndWriteTheManifest() throws Exception {
        Path file = save(new Circuit("doubling", null, List.of(
                block("n", "counter", 20.0, Map.of("start", 1.0, "step", 1.0)),
                block("g", "gain", 0.0, Map.of("k", 2.0)),
                block("d", "display", null, Map.of())),
                List.of(wire("n.out", "g.in"), wire("g.out", "d.in")), List.of()));
        Path trace = dir.resolve("t.jsonl");
        Path manifest = dir.resolve("m.json");
        int code = run("run", file.toString(), "--for", "2s", "--trace", trace.toString(),
                "--manifest", manifest.toString(), "--set", "g.k=3");
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("run ended normally"), out.toString());

        List<Double> counter = new ArrayList<>();
        List<Double> gain = new ArrayList<>();
        long lastCounterSeq = 0;
        for (String line : Files.readAllLines(trace)) {
            JsonNode n = json.readTree(line);
            assertTrue(n.get("t").asDouble() >= 0 && n.get("t").asDouble() < 10, line);
            long seq = n.get("seq").asLong();
            double value = n.get("value").asDouble();
            if (n.get("wire").asText().equals("n.out")) {
                // The counter starts at 1 and adds 1 per step, so its n-th value is n.
                assertEquals(seq, value, 0.0, "value and sequence number belong together: " + line);
                assertTrue(seq > lastCounterSeq, "each value once, in order: " + line);
                lastCounterSeq = seq;
                counter.add(value);
            } else {
                assertEquals("g.out", n.get("wire").asText());
                gain.add(value);
            }
        }
        // About 40 values in 2 s at 20 Hz; a heavily loaded machine may starve the tracer briefly
        // while block processes start (readers only ever see the latest value).
        assertTrue(counter.size() >= 20, "counter values traced: " + counter);
        assertTrue(counter.size() >= lastCounterSeq * 3 / 4, "few values lost: " + counter);
        for (double g : gain) {
            assertEquals(0.0, Math.IEEEremainder(g, 3.0), 1e-9, "gain output " + g + " is 3 x a counter value (--set g.k=3)");
            assertTrue(g / 3.0 >= 1 && g / 3.0 <= lastCounterSeq + 1, "gain output " + g);
        }
        assertTrue(gain.size() >= 20, "the event-driven gain answers the counter: " + gain);

        JsonNode m = json.readTree(manifest.toFile());
        assertEquals(2, m.get("wires").size());
        assertEquals("n.out", m.get("wires").get(0).get("wire").asText());
        assertEquals("number", m.get("wires").get(0).get("type").asText());
        assertTrue(m.get("wires").get(0).get("segment").asText().startsWith("vc-"));
        assertTrue(m.get("blocks").get(0).get("pid").asLong() > 0);
    }

    @Test
    void shouldExitWithOneAndTheValidationMessagesForAnInvalidCircuit() throws Exception {
        Path file = save(new Circuit("bad", null, List.of(block("x", "warp-drive", null, Map.of())), List.of(), List.of()));
        assertEquals(1, run("run", file.toString(), "--for", "1s"));
        assertTrue(err.toString().contains("warp-drive"), err.toString());
        assertTrue(err.toString().contains("circuit.json:"), "FILE:LINE:COLUMN messages: " + err);
    }

    @Test
    void shouldExitWithThreeAndNameTheBlockThatCrashed() throws Exception {
        Block bad = Block.of("boom", "python", 0, 0).withRate(10.0)
                .withPorts(List.of(), List.of(PortSpec.out("out", PortType.NUMBER)))
                .withCode("def step(inputs, outputs, parameters):\n    raise ValueError('broken sensor')\n");
        Path file = save(new Circuit("crash", null, List.of(bad, block("s", "sine", 20.0, Map.of())), List.of(), List.of()));
        assertEquals(3, run("run", file.toString(), "--for", "3s"));
        assertTrue(err.toString().contains("boom crashed: ValueError: broken sensor"), err.toString());
        java.util.regex.Matcher log = java.util.regex.Pattern.compile("its log: (\\S+)").matcher(err.toString());
        assertTrue(log.find(), err.toString());
        Path logFile = Path.of(log.group(1));
        assertTrue(Files.readString(logFile).contains("broken sensor"), "the crashed block's log is kept");
        deleteRunFolder(logFile.getParent().getParent());
    }

    @Test
    void shouldRemoveTheRunFolderAfterACleanRunUnlessTheLogsAreKept() throws Exception {
        Path file = save(new Circuit("clean", null, List.of(block("s", "sine", 20.0, Map.of())), List.of(), List.of()));
        assertEquals(0, run("run", file.toString(), "--for", "300ms"));
        Path removed = folderNamedIn(out.toString(), "logs in (\\S+)\\)");
        assertTrue(!Files.exists(removed), "removed after a clean run: " + removed);

        out.getBuffer().setLength(0);
        assertEquals(0, run("run", file.toString(), "--for", "300ms", "--keep-logs"));
        Path kept = folderNamedIn(out.toString(), "logs kept in (\\S+)");
        try {
            assertTrue(Files.isDirectory(kept.resolve("logs")), "kept with --keep-logs: " + kept);
        } finally {
            deleteRunFolder(kept);
        }
    }

    private static Path folderNamedIn(String text, String regex) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), text);
        return Path.of(m.group(1));
    }

    private static void deleteRunFolder(Path folder) throws java.io.IOException {
        assertTrue(folder.getFileName().toString().startsWith("vc-run-"), folder.toString());
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    @Test
    void shouldEndByItselfWhenEveryBlockProcessHasEnded() throws Exception {
        Block done = Block.of("once", "python", 0, 0).withRate(10.0)
                .withCode("def main(inputs, outputs, parameters, synchronise):\n    print('hello from once')\n");
        Path file = save(new Circuit("once", null, List.of(done), List.of(), List.of()));
        assertEquals(0, run("run", file.toString()));
        assertTrue(out.toString().contains("once| hello from once"), out.toString());
        assertTrue(out.toString().contains("once: exited with code 0"), out.toString());
    }

    @Test
    void shouldRejectMalformedOptions() throws Exception {
        Path file = save(new Circuit("x", null, List.of(), List.of(), List.of()));
        assertEquals(2, run("run", file.toString(), "--for", "soon"));
        assertEquals(2, run("run", file.toString(), "--set", "nodot=1"));
        assertEquals(2, run("run", file.toString(), "--restart", "sometimes"));
        assertEquals(2, run("run", file.toString(), "--restart", "b=sometimes"));
        assertEquals(2, run("run", file.toString(), "--restart", "=never"));
    }

    @Test
    void shouldCountTheCircuitsWiresNotItsSegmentsInTheBanner() throws Exception {
        // Two wires fan out from n.out and share one segment: three wires, two segments.
        Path file = save(new Circuit("fan-out", null, List.of(
                block("n", "counter", 20.0, Map.of()),
                block("g", "gain", 0.0, Map.of()),
                block("d", "display", null, Map.of()),
                block("e", "display", null, Map.of())),
                List.of(wire("n.out", "g.in"), wire("n.out", "d.in"), wire("g.out", "e.in")), List.of()));
        assertEquals(0, run("run", file.toString(), "--for", "300ms"));
        assertTrue(out.toString().contains("(4 blocks, 3 wires;"), out.toString());
    }

    @Test
    void shouldSayTheTraceFolderDoesNotExistWithoutRepeatingThePath() throws Exception {
        Path file = save(new Circuit("x", null, List.of(block("s", "sine", 20.0, Map.of())), List.of(), List.of()));
        Path trace = dir.resolve("missing").resolve("t.jsonl");
        assertEquals(2, run("run", file.toString(), "--for", "300ms", "--trace", trace.toString()));
        assertEquals("vcircuit run: cannot write the trace " + trace + " (no such folder: " + trace.getParent() + ")",
                err.toString().strip());
    }

    @Test
    void shouldRestartOnlyTheBlocksWhosePolicySaysSo() throws Exception {
        String code = "def step(inputs, outputs, parameters):\n    raise ValueError('broken sensor')\n";
        Block boom = Block.of("boom", "python", 0, 0).withRate(10.0)
                .withPorts(List.of(), List.of(PortSpec.out("out", PortType.NUMBER))).withCode(code);
        Block bust = Block.of("bust", "python", 0, 0).withRate(10.0)
                .withPorts(List.of(), List.of(PortSpec.out("out", PortType.NUMBER))).withCode(code);
        Path file = save(new Circuit("restarts", null, List.of(boom, bust), List.of(), List.of()));
        assertEquals(3, run("run", file.toString(), "--for", "3s", "--restart", "never", "--restart", "boom=on-failure"));
        assertTrue(count(err.toString(), "boom: CRASHED") >= 2, "boom is restarted and crashes again:\n" + err);
        assertEquals(1, count(err.toString(), "bust: CRASHED"), "bust is not restarted:\n" + err);
        java.util.regex.Matcher log = java.util.regex.Pattern.compile("its log: (\\S+)").matcher(err.toString());
        assertTrue(log.find(), err.toString());
        deleteRunFolder(Path.of(log.group(1)).getParent().getParent());
    }

    @Test
    void shouldRefuseARestartPolicyForABlockTheCircuitDoesNotHave() throws Exception {
        Path file = save(new Circuit("x", null, List.of(block("s", "sine", 20.0, Map.of())), List.of(), List.of()));
        assertEquals(2, run("run", file.toString(), "--for", "300ms", "--restart", "ghost=on-failure"));
        assertTrue(err.toString().contains("no block 'ghost'"), err.toString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "on-failure; ON_FAILURE; a=ON_FAILURE",
            "never; NEVER; a=NEVER",
            "a=on-failure; NEVER; a=ON_FAILURE",
            "on-failure,a=never,b=on-failure; ON_FAILURE; a=NEVER,b=ON_FAILURE,c=ON_FAILURE"})
    void shouldParseRestartPoliciesWithPerBlockOverrides(String items, String fallback, String expected) {
        RunCommand.RestartPolicies p = RunCommand.parseRestarts(List.of(items.split(",")));
        assertEquals(fallback, p.fallback().name());
        for (String e : expected.split(",")) {
            String[] kv = e.split("=");
            assertEquals(kv[1], p.of(kv[0]).name(), "policy of " + kv[0]);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @ParameterizedTest
    @CsvSource({"500ms, 500", "3s, 3000", "2m, 120000", "1h, 3600000", "1.5s, 1500", "4, 4000"})
    void shouldParseDurations(String text, long millis) {
        assertEquals(Duration.ofMillis(millis), RunCommand.parseDuration(text));
    }

    @Test
    void shouldSplitOverridesAtTheLastDotBeforeTheEqualsSign() {
        Map<String, Map<String, Object>> o = RunCommand.parseOverrides(List.of("arm.left.gain=2.5", "pid.kp=1=2"));
        assertEquals(Map.of("gain", "2.5"), o.get("arm.left"));
        assertEquals(Map.of("kp", "1=2"), o.get("pid"));
        assertThrows(IllegalArgumentException.class, () -> RunCommand.parseOverrides(List.of("pid.=3")));
    }
}
