package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.BlockMain;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the runtime's process dies, even by kill -9, every block process exits within a second and
 * (after the next start) no segment survives. Java blocks rely on the end of their stdin for this by default; the
 * parent-death signal they can arm on request must not change the outcome.
 */
class NoOrphansTest {

    @ParameterizedTest(name = "Java block arms the parent-death signal: {0}")
    @ValueSource(booleans = {false, true})
    void shouldLeaveNoBlockProcessOrSegmentBehindWhenTheRuntimeIsKilled(boolean parentDeathSignal) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process runtime = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                OrphanRunMain.class.getName(), parentDeathSignal ? "-D" + BlockMain.PARENT_DEATH_SIGNAL_PROPERTY + "=true" : "")
                .redirectErrorStream(true).start();
        List<Long> pids = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(runtime.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("PIDS ")) {
                    for (String p : line.substring(5).trim().split(" ")) {
                        pids.add(Long.parseLong(p));
                    }
                } else if (line.startsWith("SEGMENTS ")) {
                    segments.addAll(List.of(line.substring(9).trim().split(" ")));
                    break;
                }
            }
        } finally {
            if (pids.isEmpty()) {
                runtime.destroyForcibly();
            }
        }
        assertEquals(2, pids.size(), "the runtime reported its block processes");
        for (long pid : pids) {
            assertTrue(alive(pid), "block " + pid + " runs before the kill");
        }
        for (String s : segments) {
            assertTrue(Files.exists(Path.of("/dev/shm", s)), s);
        }

        long killed = System.nanoTime();
        runtime.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
        long deadline = killed + TimeUnit.SECONDS.toNanos(10);
        while (pids.stream().anyMatch(NoOrphansTest::alive) && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        long tookMillis = (System.nanoTime() - killed) / 1_000_000;
        assertTrue(runtime.waitFor(10, TimeUnit.SECONDS));
        for (long pid : pids) {
            assertFalse(alive(pid), "block process " + pid + " outlived its runtime");
        }
        System.out.println("block processes gone " + tookMillis + " ms after the runtime was killed");
        assertTrue(tookMillis <= 1000, "every block process exits within 1 s of the runtime's death, took " + tookMillis + " ms");

        // The next run sweeps the dead run's segments.
        try (Run next = CircuitRunner.start(TestCircuits.circuit().block("c", "constant", null, "value", 1.0).build(),
                TestCircuits.options())) {
            assertNotNull(next.directory());
            for (String s : segments) {
                assertFalse(Files.exists(Path.of("/dev/shm", s)), "segment " + s + " of the killed run survived");
            }
        }
    }

    /** True while the process exists and is not a zombie waiting for a parent to reap it. */
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
