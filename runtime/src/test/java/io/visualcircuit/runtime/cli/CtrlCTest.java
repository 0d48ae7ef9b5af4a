package io.visualcircuit.runtime.cli;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.format.CircuitJson;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl+C on {@code vcircuit run} ends with the documented exit code every time (0 for a healthy
 * run, 3 when a block had crashed) rather than the JVM's 130, and leaves no block process behind.
 */
class CtrlCTest {
    private static final Pattern PID = Pattern.compile("running \\(pid (\\d+)\\)");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "attempt {0}, a block crashed first: {1} -> exit {2}")
    @CsvSource({"1, false, 0", "2, false, 0", "3, false, 0", "4, true, 3", "5, true, 3"})
    void shouldEndWithTheDocumentedExitCodeOnCtrlC(int attempt, boolean crash, int expected) throws Exception {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Block.of("wave", "sine", 0, 0).withRate(20.0).withParams(Map.of()));
        blocks.add(Block.of("n", "counter", 0, 0).withRate(20.0).withParams(Map.of()));
        if (crash) {
            blocks.add(Block.of("boom", "python", 0, 0).withRate(10.0)
                    .withPorts(List.of(), List.of(PortSpec.out("out", PortType.NUMBER)))
                    .withCode("def step(inputs, outputs, parameters):\n    raise ValueError('broken sensor')\n"));
        }
        Path file = dir.resolve("circuit.json");
        Files.write(file, CircuitJson.write(new Circuit("ctrl-c", null, blocks, List.of(), List.of())));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>();
        if (sigintIgnored()) {
            // Started in the background by a shell without job control, this JVM (and so its
            // children) ignores SIGINT; a terminal's Ctrl+C would not, so give the run the default.
            command.add("env");
            command.add("--default-signal=INT");
        }
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"),
                CommandMain.class.getName(), "run", file.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        StringBuilder seen = new StringBuilder();
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            int wanted = 2;
            boolean crashed = !crash;
            String line;
            while ((pids.size() < wanted || !crashed) && (line = r.readLine()) != null) {
                seen.append(line).append('\n');
                Matcher m = PID.matcher(line);
                if (m.find()) {
                    pids.add(Long.parseLong(m.group(1)));
                }
                crashed |= line.contains("boom: CRASHED");
            }
            assertTrue(pids.size() >= wanted, "the blocks started:\n" + seen);
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start();
            assertEquals(0, kill.waitFor());
            // Keep draining the output so the run never blocks on a full pipe.
            r.lines().forEach(l -> seen.append(l).append('\n'));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the run ended after Ctrl+C:\n" + seen);
        } finally {
            p.destroyForcibly();
        }
        assertEquals(expected, p.exitValue(), "exit code after Ctrl+C:\n" + seen);
        assertTrue(seen.toString().contains(crash ? "run ended; crashed: boom" : "run ended normally"), seen.toString());
        for (long pid : pids) {
            assertFalse(alive(pid), "block process " + pid + " outlived the run");
        }
    }

    private static boolean sigintIgnored() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & (1L << 1)) != 0;
            }
        }
        return false;
    }

    /** True while the process exists and is not a zombie. */
    private static boolean alive(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }
}
