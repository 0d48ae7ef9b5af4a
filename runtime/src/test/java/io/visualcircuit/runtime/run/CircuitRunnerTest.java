package io.visualcircuit.runtime.run;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.host.WireValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.visualcircuit.runtime.run.TestCircuits.await;
import static io.visualcircuit.runtime.run.TestCircuits.awaitValue;
import static io.visualcircuit.runtime.run.TestCircuits.circuit;
import static io.visualcircuit.runtime.run.TestCircuits.near;
import static io.visualcircuit.runtime.run.TestCircuits.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** End-to-end: real circuits, real block processes, real wires. */
class CircuitRunnerTest {

    /** Whether the runtime told a block to get ready for blocking waits at start (read from its spec file). */
    private static boolean blockingWires(Run run, String blockId) throws java.io.IOException {
        try (var files = Files.list(run.directory().resolve("blocks"))) {
            Path spec = files.filter(f -> f.getFileName().toString().endsWith("-" + blockId + ".spec")).findFirst()
                    .orElseThrow(() -> new AssertionError("no spec file for " + blockId));
            return io.visualcircuit.runtime.host.BlockSpec.read(spec).blockingWires();
        }
    }
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<PortSpec> NUMBER_IN = List.of(PortSpec.in("in", PortType.NUMBER));
    private static final List<PortSpec> NUMBER_OUT = List.of(PortSpec.out("out", PortType.NUMBER));

    @Test
    void shouldCarryConstantThroughGainToDisplay() throws Exception {
        Circuit c = circuit().block("c", "constant", null, "value", 3.0)
                .block("g", "gain", 50.0, "k", 2.0)
                .block("d", "display", null)
                .wire("c.out", "g.in").wire("g.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            assertEquals(BlockState.RUNNING, run.state("g").state());
            assertTrue(run.state("g").pid() > 0, "gain runs in its own process");
            assertEquals(-1, run.state("c").pid(), "a constant has no process");
            assertFalse(blockingWires(run, "g"), "nobody sleeps on a wire here: no native binding at start");
            assertEquals(6.0, (Double) awaitValue(run, "g.out", WAIT, near(6.0, 1e-12)));

            run.setParameter("g", "k", 5.0);
            assertEquals(15.0, (Double) awaitValue(run, "g.out", WAIT, near(15.0, 1e-12)));

            run.setParameter("c", "value", 4.0);
            assertEquals(20.0, (Double) awaitValue(run, "g.out", WAIT, near(20.0, 1e-12)));
        }
    }

    @Test
    void shouldKeepAbsOfSineWithinZeroAndAmplitude() throws Exception {
        Circuit c = circuit().block("s", "sine", 100.0, "frequency", 3.0, "amplitude", 2.5)
                .block("a", "abs", 0.0)
                .block("d", "display", null)
                .wire("s.out", "a.in").wire("a.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            List<Double> seen = new ArrayList<>();
            try (WireReader r = WireReader.open(run.wire("a.out").orElseThrow().segment())) {
                long seq = 0;
                long end = System.nanoTime() + 1_000_000_000L;
                while (System.nanoTime() < end || seen.size() < 30) {
                    Sample s = r.await(seq, 100_000_000L);
                    if (s != null) {
                        seq = s.sequence();
                        seen.add((Double) WireValues.toObject(s.value()));
                    }
                    if (System.nanoTime() > end + 10_000_000_000L) {
                        break;
                    }
                }
            }
            assertTrue(seen.size() >= 30, "abs produced values: " + seen.size());
            for (double v : seen) {
                assertTrue(v >= 0 && v <= 2.5 + 1e-9, "abs(sine) out of [0, 2.5]: " + v);
            }
            assertTrue(seen.stream().mapToDouble(Double::doubleValue).max().orElse(0) > 1.0,
                    "the sine really swings: " + seen);
        }
    }

    @Test
    void shouldDoubleInputInPythonMainBlock() throws Exception {
        String code = """
                def main(inputs, outputs, parameters, synchronise):
                    while True:
                        x = inputs.read_number("in")
                        if x is not None:
                            outputs.share_number("out", float(x[0]) * 2)
                        synchronise()
                """;
        Circuit c = circuit().block("c", "constant", null, "value", 21.0)
                .python("p", 50.0, NUMBER_IN, NUMBER_OUT, code)
                .block("d", "display", null)
                .wire("c.out", "p.in").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            assertEquals(42.0, (Double) awaitValue(run, "p.out", WAIT, near(42.0, 1e-12)));
        }
    }

    @Test
    void shouldCallStepFormAtItsRateAndPublishStats() throws Exception {
        String code = """
                def step(inputs, outputs, parameters):
                    x = inputs.read_number("in")
                    if x is not None:
                        outputs.share_number("out", float(x) * parameters.read_number("factor"))
                """;
        Circuit c = circuit().block("c", "constant", null, "value", 5.0)
                .python("p", 40.0, NUMBER_IN, NUMBER_OUT, code, "factor", 3.0)
                .block("d", "display", null)
                .wire("c.out", "p.in").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            assertEquals(15.0, (Double) awaitValue(run, "p.out", WAIT, near(15.0, 1e-12)));
            run.setParameter("p", "factor", 4.0);
            assertEquals(20.0, (Double) awaitValue(run, "p.out", WAIT, near(20.0, 1e-12)));
            await("stats with loops", WAIT, () -> run.stats("p").map(s -> s.loops() > 5).orElse(false));
            BlockStats s = run.stats("p").orElseThrow();
            assertEquals(40.0, s.requestedRateHz());
            assertTrue(s.rssBytes() > 1_000_000, "rss " + s.rssBytes());
            assertTrue(s.achievedRateHz() > 0, "achieved " + s.achievedRateHz());
            assertTrue(run.statsSegment("p").isPresent());
        }
    }

    @Test
    void shouldOfferTheVisualCircuitPythonApi() throws Exception {
        String code = """
                import numpy as np

                def main(inputs, outputs, parameters, synchronise):
                    problems = []
                    def check(ok, what):
                        if not ok:
                            problems.append(what)
                    check(parameters.read_bool("flag") is False, "read_bool('False')")
                    check(parameters.read_bool("on") is True, "read_bool(True)")
                    check(parameters.read_number("gain") == 2.5, "read_number")
                    check(parameters.read_string("name") == "robot", "read_string")
                    for call, exc in ((lambda: inputs.read("nope"), InvalidInputNameException),
                                      (lambda: outputs.share("nope", 1), InvalidOutputNameException),
                                      (lambda: parameters.read_number("nope"), InvalidParameterNameException)):
                        try:
                            call()
                            problems.append("no exception for an unknown name")
                        except exc:
                            pass
                    check(inputs.read_number("unwired") is None, "unwired input reads None")
                    check(inputs.enabled, "enabled without an Enable wire")
                    while True:
                        x = inputs.read_number("in")
                        t = inputs.read_string("text")
                        if x is not None and t is not None:
                            check(x.shape == (1,) and x.dtype == np.float64, "read_number shape")
                            check(float(x) == 7.0 and float(x[0]) == 7.0, "float(x)")
                            check(t[0] == "hello" and t.dtype.str == "<U64", "read_string " + repr(t))
                            outputs.share_string("out", "ok" if not problems else "; ".join(problems))
                        synchronise()
                """;
        Circuit c = circuit().block("c", "constant", null, "value", 7.0)
                .block("t", "text", 20.0, "value", "hello")
                .python("p", 20.0,
                        List.of(PortSpec.in("in", PortType.NUMBER), PortSpec.in("text", PortType.STRING),
                                PortSpec.in("unwired", PortType.NUMBER)),
                        List.of(PortSpec.out("out", PortType.STRING)), code,
                        "flag", "False", "on", true, "gain", 2.5, "name", "robot")
                .block("d", "display", null)
                .wire("c.out", "p.in").wire("t.out", "p.text").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            assertEquals("ok", awaitValue(run, "p.out", WAIT, o -> o instanceof String));
        }
    }

    @Test
    void shouldGateAPythonBlockWithItsEnableInput() throws Exception {
        String code = """
                def step(inputs, outputs, parameters):
                    outputs.share_number("out", 1.0 if inputs.enabled else -1.0)
                """;
        Circuit c = circuit().block("sw", "switch", null, "value", false)
                .python("p", 50.0, List.of(PortSpec.in("Enable", PortType.BOOLEAN)), NUMBER_OUT, code)
                .block("d", "display", null)
                .wire("sw.out", "p.Enable").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            Thread.sleep(300);
            assertTrue(run.wire("p.out").isPresent());
            try (WireReader r = WireReader.open(run.wire("p.out").orElseThrow().segment())) {
                assertEquals(null, r.read(), "a disabled block does not step");
            }
            run.write("sw", "out", true);
            assertEquals(1.0, (Double) awaitValue(run, "p.out", WAIT, near(1.0, 0)));
        }
    }

    @Test
    void shouldSettlePidAroundPlantWithinTwoPercent() throws Exception {
        Circuit c = circuit().block("sp", "constant", null, "value", 1.0)
                .block("pid", "pid", 100.0, "kp", 2.0, "ki", 4.0, "kd", 0.0)
                .block("plant", "plant", 100.0, "gain", 1.0, "tau", 0.2)
                .block("d", "display", null)
                .wire("sp.out", "pid.setpoint").wire("plant.out", "pid.measurement")
                .wire("pid.out", "plant.in").wire("plant.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            // Settled: the plant output stays within 2 % for half a second.
            long deadline = System.nanoTime() + 20_000_000_000L;
            long inBandSince = -1;
            double last = Double.NaN;
            try (WireReader r = WireReader.open(run.wire("plant.out").orElseThrow().segment())) {
                long seq = 0;
                while (System.nanoTime() < deadline) {
                    Sample s = r.await(seq, 100_000_000L);
                    if (s == null) {
                        continue;
                    }
                    seq = s.sequence();
                    last = (Double) WireValues.toObject(s.value());
                    if (Math.abs(last - 1.0) <= 0.02) {
                        if (inBandSince < 0) {
                            inBandSince = System.nanoTime();
                        } else if (System.nanoTime() - inBandSince > 500_000_000L) {
                            break;
                        }
                    } else {
                        inBandSince = -1;
                    }
                }
            }
            assertTrue(inBandSince > 0 && System.nanoTime() - inBandSince > 500_000_000L,
                    "plant output did not settle near 1.0; last " + last);
        }
    }

    @Test
    void shouldPassEveryValueExactlyOnceThroughEventDrivenChain() throws Exception {
        // 10 Hz leaves each hop 100 ms: latest-value wires drop a value only when a block is
        // starved of CPU for a whole period, which a loaded 2-core machine can otherwise do.
        Circuit c = circuit().block("n", "counter", 10.0, "start", 0.0, "step", 1.0)
                .block("g1", "gain", 0.0, "k", 1.0)
                .block("g2", "gain", 0.0, "k", 1.0)
                .block("d", "display", null)
                .wire("n.out", "g1.in").wire("g1.out", "g2.in").wire("g2.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            assertTrue(blockingWires(run, "n"), "the counter wakes the event-driven g1");
            assertTrue(blockingWires(run, "g1") && blockingWires(run, "g2"), "event-driven blocks sleep on their input");
            List<Double> values = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            try (WireReader r = WireReader.open(run.wire("g2.out").orElseThrow().segment())) {
                long seq = 0;
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (values.size() < 20 && System.nanoTime() < deadline) {
                    Sample s = r.await(seq, 100_000_000L);
                    if (s != null) {
                        assertEquals(0, seq == 0 ? 0 : s.skipped(), "the reader itself skipped a value");
                        seq = s.sequence();
                        seqs.add(s.sequence());
                        values.add((Double) WireValues.toObject(s.value()));
                    }
                }
            }
            assertEquals(20, values.size(), "values seen: " + values);
            for (int i = 1; i < values.size(); i++) {
                assertEquals(values.get(i - 1) + 1.0, values.get(i), 1e-12, "a value was lost or repeated: " + values);
                assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "one publish per input value: " + seqs);
            }
            // The chain's outputs are published exactly as often as the counter's.
            long counterSeq;
            try (WireReader r = WireReader.open(run.wire("n.out").orElseThrow().segment())) {
                counterSeq = r.sequence();
            }
            assertTrue(Math.abs(counterSeq - seqs.get(seqs.size() - 1)) <= 2,
                    "counter at " + counterSeq + ", chain at " + seqs.get(seqs.size() - 1));
        }
    }

    @Test
    void shouldStepAnEventDrivenPythonBlockOncePerNewValue() throws Exception {
        String code = """
                def step(inputs, outputs, parameters):
                    x = inputs.read_number("in")
                    if x is not None:
                        outputs.share_number("out", float(x) * 10)
                """;
        Circuit c = circuit().block("n", "counter", 20.0, "start", 1.0, "step", 1.0)
                .python("p", 0.0, List.of(PortSpec.in("in", PortType.NUMBER), PortSpec.in("unused", PortType.NUMBER)),
                        NUMBER_OUT, code)
                .block("c", "constant", null, "value", 5.0)
                .block("d", "display", null)
                .wire("n.out", "p.in").wire("c.out", "p.unused").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            awaitValue(run, "p.out", WAIT, o -> o instanceof Double d && d >= 30.0);
            List<Double> values = new ArrayList<>();
            try (WireReader r = WireReader.open(run.wire("p.out").orElseThrow().segment())) {
                long seq = r.sequence();
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (values.size() < 10 && System.nanoTime() < deadline) {
                    Sample s = r.await(seq, 100_000_000L);
                    if (s != null) {
                        seq = s.sequence();
                        values.add((Double) WireValues.toObject(s.value()));
                    }
                }
            }
            assertEquals(10, values.size(), "values seen: " + values);
            for (int i = 1; i < values.size(); i++) {
                assertEquals(values.get(i - 1) + 10.0, values.get(i), 1e-9, "one step per counter value: " + values);
            }
        }
    }

    @Test
    void shouldKeepOtherBlocksRunningWhenOneCrashes() throws Exception {
        String code = """
                def main(inputs, outputs, parameters, synchronise):
                    synchronise()
                    x = 1 / 0
                """;
        List<BlockStatus> events = new CopyOnWriteArrayList<>();
        Circuit c = circuit().block("s", "sine", 50.0)
                .block("d", "display", null)
                .python("bad", 20.0, List.of(), NUMBER_OUT, code)
                .block("d2", "display", null)
                .wire("s.out", "d.in").wire("bad.out", "d2.in").build();
        Path folder;
        try (Run run = CircuitRunner.start(c, options())) {
            folder = run.directory();
            run.addListener(new RunListener() {
                @Override
                public void stateChanged(BlockStatus status) {
                    events.add(status);
                }
            });
            await("the bad block to crash", WAIT, () -> run.state("bad").state() == BlockState.CRASHED);
            BlockStatus bad = run.state("bad");
            assertTrue(bad.error().contains("ZeroDivisionError"), bad.error());
            assertTrue(bad.error().contains("line 3"), "the error names the user's line: " + bad.error());
            String log = String.join("\n", run.log("bad").stream().map(LogLine::text).toList());
            assertTrue(log.contains("Traceback"), log);
            assertTrue(log.contains("line 3") && log.contains("x = 1 / 0"), "traceback with the user's code: " + log);
            assertTrue(Files.readString(run.logFile("bad").orElseThrow()).contains("ZeroDivisionError"));
            assertTrue(events.stream().anyMatch(e -> e.blockId().equals("bad") && e.state() == BlockState.CRASHED));

            assertEquals(BlockState.RUNNING, run.state("s").state());
            long before;
            try (WireReader r = WireReader.open(run.wire("s.out").orElseThrow().segment())) {
                before = r.sequence();
                assertTraceAdvances(r, before);
            }
        }
        assertTrue(Files.isDirectory(folder), "a run with a crashed block keeps its logs");
        RunDirectories.delete(folder);
    }

    @Test
    void shouldRemoveTheRunFolderAfterACleanStopUnlessAskedToKeepTheLogs() throws Exception {
        Circuit c = circuit().block("s", "sine", 20.0).block("d", "display", null).wire("s.out", "d.in").build();
        Run clean = CircuitRunner.start(c, options());
        Path removed = clean.directory();
        assertTrue(Files.isDirectory(removed.resolve("blocks")), "the folder exists while the run runs");
        assertTrue(clean.logFile("s").isPresent());
        clean.stop();
        assertFalse(Files.exists(removed), "a clean stop removes " + removed);
        assertTrue(clean.logFile("s").isEmpty(), "no log file to point at any more");
        Path kept;
        try (Run run = CircuitRunner.start(c, options().withKeepLogs(true))) {
            kept = run.directory();
        }
        try {
            assertTrue(Files.isRegularFile(kept.resolve(RunDirectories.OWNER_FILE)), "kept with its files: " + kept);
        } finally {
            RunDirectories.delete(kept);
        }
    }

    private static void assertTraceAdvances(WireReader r, long before) {
        Sample s = r.await(before, 5_000_000_000L);
        assertTrue(s != null && s.sequence() > before, "the sine kept running after the crash");
    }

    @Test
    void shouldMarkJavaBlockCrashedWithItsException() throws Exception {
        Circuit c = circuit().block("img", "image-file", 10.0, "path", "/nonexistent/picture.png")
                .block("v", "image-view", null)
                .block("s", "sine", 20.0).block("d", "display", null)
                .wire("img.out", "v.in").wire("s.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            await("the image block to crash", WAIT, () -> run.state("img").state() == BlockState.CRASHED);
            BlockStatus s = run.state("img");
            assertEquals(70, s.exitCode(), "uncaught exception exit code");
            assertTrue(s.error() != null && !s.error().isBlank(), "an error message");
            assertEquals(BlockState.RUNNING, run.state("s").state());
        }
    }

    @Test
    void shouldLetAListenerStopTheRunWhenABlockCrashes() throws Exception {
        String code = "def main(inputs, outputs, parameters, synchronise):\n    synchronise()\n    raise RuntimeError('stop all')\n";
        java.util.concurrent.CompletableFuture<Run> holder = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        RunListener stopper = new RunListener() {
            @Override
            public void stateChanged(BlockStatus status) {
                if (status.state() == BlockState.CRASHED) {
                    holder.join().stop();
                }
            }

            @Override
            public void runEnded() {
                ended.countDown();
            }
        };
        Circuit c = circuit().python("bad", 20.0, List.of(), NUMBER_OUT, code).block("d", "display", null)
                .block("s", "sine", 20.0).block("d2", "display", null)
                .wire("bad.out", "d.in").wire("s.out", "d2.in").build();
        Run run = CircuitRunner.start(c, options().withListener(stopper));
        holder.complete(run);
        assertTrue(ended.await(20, java.util.concurrent.TimeUnit.SECONDS), "the run ended");
        assertEquals(BlockState.CRASHED, run.state("bad").state());
        assertEquals(BlockState.STOPPED, run.state("s").state());
    }

    @Test
    void shouldRestartCrashedBlockWhenPolicySaysOnFailure() throws Exception {
        String code = "def main(inputs, outputs, parameters, synchronise):\n    raise RuntimeError('boom')\n";
        Circuit c = circuit().python("bad", 20.0, List.of(), NUMBER_OUT, code).block("d", "display", null)
                .wire("bad.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options().withRestartPolicy("bad", RestartPolicy.ON_FAILURE))) {
            await("two crashes and a restart", WAIT, () -> run.log("bad").stream()
                    .filter(l -> l.stream() == LogLine.Stream.RUNTIME && l.text().startsWith("crashed")).count() >= 2);
            assertTrue(run.log("bad").stream().anyMatch(l -> l.text().startsWith("restarting in")));
        }
    }

    @Test
    void shouldRestartOneBlockOnTheSameWires() throws Exception {
        Circuit c = circuit().block("c", "constant", null, "value", 2.0)
                .block("g", "gain", 30.0, "k", 3.0).block("d", "display", null)
                .wire("c.out", "g.in").wire("g.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            awaitValue(run, "g.out", WAIT, near(6.0, 1e-12));
            long pid = run.state("g").pid();
            run.setParameter("g", "k", 4.0);
            run.restartBlock("g");
            assertEquals(BlockState.RUNNING, run.state("g").state());
            assertNotEquals(pid, run.state("g").pid());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "old process is gone");
            assertEquals(8.0, (Double) awaitValue(run, "g.out", WAIT, near(8.0, 1e-12)),
                    "the restarted block keeps the live parameter");
        }
    }

    @Test
    void shouldWriteSliderValuesIntoTheCircuit() throws Exception {
        Circuit c = circuit().block("sl", "slider", null, "min", 0.0, "max", 10.0, "value", 1.0)
                .block("g", "gain", 0.0, "k", 2.0).block("d", "display", null)
                .wire("sl.out", "g.in").wire("g.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options())) {
            awaitValue(run, "g.out", WAIT, near(2.0, 1e-12));
            run.write("sl", "out", 4.0);
            assertEquals(8.0, (Double) awaitValue(run, "g.out", WAIT, near(8.0, 1e-12)));
            assertThrows(IllegalArgumentException.class, () -> run.write("g", "out", 1.0));
        }
    }

    @Test
    void shouldStopEveryBlockAndRemoveEverySegment() throws Exception {
        Circuit c = circuit().block("s", "sine", 30.0).block("d", "display", null)
                .python("p", 10.0, NUMBER_IN, NUMBER_OUT,
                        "def step(inputs, outputs, parameters):\n    outputs.share_number('out', 1)\n")
                .block("d2", "display", null)
                .wire("s.out", "d.in").wire("s.out", "p.in").wire("p.out", "d2.in").build();
        List<String> ended = new CopyOnWriteArrayList<>();
        Run run = CircuitRunner.start(c, options());
        run.addListener(new RunListener() {
            @Override
            public void runEnded() {
                ended.add("ended");
            }
        });
        List<String> segments = new ArrayList<>(run.wires().stream().map(WireInfo::segment).toList());
        segments.add(run.statsSegment("s").orElseThrow());
        assertEquals(List.of("s.out", "p.out"), run.wires().stream().map(WireInfo::wire).toList(),
                "fan-out readers share one segment");
        long pid = run.state("s").pid();
        long ppid = run.state("p").pid();
        run.stop();
        assertFalse(run.isRunning());
        assertEquals(BlockState.STOPPED, run.state("s").state());
        assertEquals(BlockState.STOPPED, run.state("p").state());
        assertEquals(BlockState.STOPPED, run.state("d").state());
        assertEquals(List.of("ended"), ended);
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(ProcessHandle.of(ppid).map(ProcessHandle::isAlive).orElse(false));
        for (String seg : segments) {
            assertFalse(Files.exists(Path.of("/dev/shm", seg)), seg + " was left behind");
        }
        run.stop();
    }

    @Test
    void shouldRefuseInvalidCircuitWithValidationMessages() {
        Circuit c = circuit().block("s", "sine", 30.0).block("x", "no-such-type", null).build();
        RunException e = assertThrows(RunException.class, () -> CircuitRunner.start(c, options()));
        assertTrue(e.getMessage().contains("no-such-type"), e.getMessage());
        assertFalse(e.problems().isEmpty());
    }

    @Test
    void shouldRefuseUnknownOverride() {
        Circuit c = circuit().block("s", "sine", 30.0).build();
        RunException e = assertThrows(RunException.class, () -> CircuitRunner.start(c,
                options().withOverrides(Map.of("s", Map.of("nope", "1")))));
        assertTrue(e.getMessage().contains("nope"), e.getMessage());
    }

    /** A python3 for which "import numpy" fails, as on a machine without numpy. */
    private static String pythonWithoutNumpy(Path dir) throws Exception {
        Path fake = Files.createDirectories(dir.resolve("no-numpy"));
        Files.writeString(fake.resolve("numpy.py"), "raise ImportError('numpy is not installed here')\n");
        Path wrapper = dir.resolve("python3-without-numpy");
        Files.writeString(wrapper, "#!/bin/sh\nPYTHONPATH=\"" + fake + ":$PYTHONPATH\" exec python3 \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        return wrapper.toString();
    }

    @Test
    void shouldRefuseBlockNeedingNumpyWhenItIsMissing(@TempDir Path dir) throws Exception {
        Circuit c = circuit().python("arr", 10.0, List.of(), List.of(PortSpec.out("out", PortType.ARRAY)),
                "def step(inputs, outputs, parameters):\n    outputs.share_array('out', [1, 2])\n").build();
        RunException e = assertThrows(RunException.class,
                () -> CircuitRunner.start(c, options().withPython(pythonWithoutNumpy(dir))));
        assertEquals("arr", e.blockId());
        assertTrue(e.getMessage().contains("numpy"), e.getMessage());
    }

    @Test
    void shouldRunNumberBlocksWithoutNumpy(@TempDir Path dir) throws Exception {
        String code = """
                def main(inputs, outputs, parameters, synchronise):
                    while True:
                        x = inputs.read_number("in")
                        if x is not None:
                            outputs.share_number("out", float(x) + float(x[0]))
                        synchronise()
                """;
        Circuit c = circuit().block("c", "constant", null, "value", 4.0)
                .python("p", 20.0, NUMBER_IN, NUMBER_OUT, code).block("d", "display", null)
                .wire("c.out", "p.in").wire("p.out", "d.in").build();
        try (Run run = CircuitRunner.start(c, options().withPython(pythonWithoutNumpy(dir)))) {
            assertEquals(8.0, (Double) awaitValue(run, "p.out", WAIT, near(8.0, 1e-12)));
        }
    }

    @Test
    void shouldNameThePythonBlockWhenTheInterpreterIsMissing() {
        Circuit c = circuit().python("p", 10.0, List.of(), NUMBER_OUT,
                "def step(inputs, outputs, parameters):\n    pass\n").build();
        RunException e = assertThrows(RunException.class, () -> CircuitRunner.start(c,
                options().withPython("/nonexistent/python3")));
        assertEquals("p", e.blockId());
        assertTrue(e.getMessage().contains("/nonexistent/python3"), e.getMessage());
    }
}
