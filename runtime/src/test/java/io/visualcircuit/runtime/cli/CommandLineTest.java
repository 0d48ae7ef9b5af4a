package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.runtime.circuit.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {

    @TempDir
    Path temp;

    @Test
    void shouldPrintTheProjectVersion() {
        CommandRunner r = CommandRunner.run("--version");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().matches("(?s)vcircuit \\d+\\.\\d+\\.\\d+\\S*\\RJava .*"), r.out());
    }

    @Test
    void shouldExitZeroForValidFilesEvenWithWarnings() throws Exception {
        Path ok = Files.writeString(temp.resolve("ok.json"), """
                {"format": "visualcircuit", "version": 1, "zoom": 3,
                 "blocks": [{"id": "a", "type": "constant"}, {"id": "d", "type": "display"}],
                 "wires": [{"from": "a.out", "to": "d.in"}]}
                """);
        CommandRunner r = CommandRunner.run("validate", ok.toString());
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertEquals(ok + ":1:43: warning: unknown field \"zoom\" at the top level is ignored", r.out().strip());
    }

    @Test
    void shouldReportEveryProblemOfEveryFileInFileOrder() throws Exception {
        Path bad = Files.writeString(temp.resolve("bad.json"), """
                {"format": "visualcircuit", "version": 1,
                 "blocks": [{"id": "a", "type": "sinus"},
                            {"id": "d", "type": "display"}],
                 "wires": [{"from": "a.out", "to": "d.in"}, {"from": "d.in", "to": "nothing.in"}]}
                """);
        Path good = Files.writeString(temp.resolve("good.json"), "{\"format\": \"visualcircuit\", \"version\": 1}");
        CommandRunner r = CommandRunner.run("validate", good.toString(), bad.toString());
        assertEquals(1, r.exitCode());
        var lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith(bad + ":2:33: block \"a\": unknown block type \"sinus\""), lines.get(0));
        assertTrue(lines.get(1).startsWith(bad + ":4:54: wire 2 (d.in -> nothing.in): d.in is an input"), lines.get(1));
        assertTrue(lines.get(2).startsWith(bad + ":4:68: wire 2 (d.in -> nothing.in): there is no block"), lines.get(2));
        assertEquals("3 errors, 0 warnings in 2 files", r.err().strip());
    }

    @Test
    void shouldValidateEverySampleCircuit() throws Exception {
        try (var files = Files.list(Path.of("..", "sample-circuits"))) {
            String[] args = files.filter(f -> f.toString().endsWith(".json")).map(Path::toString)
                    .toArray(String[]::new);
            assertTrue(args.length >= 4);
            String[] cmd = new String[args.length + 1];
            cmd[0] = "validate";
            System.arraycopy(args, 0, cmd, 1, args.length);
            CommandRunner r = CommandRunner.run(cmd);
            assertEquals("", r.out());
            assertEquals(0, r.exitCode());
        }
    }

    @Test
    void shouldDescribeEveryCatalogTypeAsJson() throws Exception {
        CommandRunner r = CommandRunner.run("blocks", "--json");
        assertEquals(0, r.exitCode());
        JsonNode root = new ObjectMapper().readTree(r.out());
        Set<String> ids = new HashSet<>();
        for (JsonNode t : root.get("types")) {
            ids.add(t.get("id").asText());
            assertTrue(t.hasNonNull("category") && t.hasNonNull("description") && t.get("ports").isArray()
                    && t.get("params").isArray(), t.toString());
        }
        Set<String> expected = new HashSet<>();
        Catalog.standard().types().forEach(t -> expected.add(t.id()));
        assertEquals(expected, ids);
        JsonNode sine = null;
        for (JsonNode t : root.get("types")) {
            if (t.get("id").asText().equals("sine")) {
                sine = t;
            }
        }
        JsonNode frequency = sine.get("params").get(0);
        assertEquals("frequency", frequency.get("name").asText());
        assertEquals("number", frequency.get("type").asText());
        assertEquals(1.0, frequency.get("default").asDouble());
        assertEquals(0.0, frequency.get("min").asDouble());
        assertTrue(frequency.get("max").isNull());
        assertEquals("Hz", frequency.get("unit").asText());
        assertEquals("out", sine.get("ports").get(0).get("name").asText());
        assertEquals("java_process", sine.get("execution").asText());
    }

    @Test
    void shouldListTheCatalogForPeopleByCategory() {
        CommandRunner r = CommandRunner.run("blocks");
        assertEquals(0, r.exitCode());
        assertTrue(r.out().startsWith("Sources\n"), r.out());
        assertTrue(r.out().contains("  pid             A PID controller"), r.out());
        assertTrue(r.out().contains("params: kp = 1.0, ki = 0.0, kd = 0.0, min = (unset), max = (unset)"), r.out());
    }

    @Test
    void shouldAskForABenchmarkWhenNoneIsNamed() {
        CommandRunner r = CommandRunner.run("bench");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("choose a benchmark"), r.err());
    }

    @Test
    void shouldRejectUnknownCommandsWithUsage() {
        CommandRunner r = CommandRunner.run("frobnicate");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("Unmatched argument"), r.err());
    }
}
