package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Execution;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.CircuitFiles;
import io.visualcircuit.runtime.format.LoadResult;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.RestartPolicy;
import io.visualcircuit.runtime.run.Run;
import io.visualcircuit.runtime.run.RunException;
import io.visualcircuit.runtime.run.RunListener;
import io.visualcircuit.runtime.run.RunOptions;
import io.visualcircuit.runtime.run.WireInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code vcircuit run FILE}: runs a circuit headless, printing block states, block output and
 * errors, until {@code --for} elapses, every block process has ended, or Ctrl+C. Exit codes: 0
 * after a normal end or a stop with Ctrl+C, 1 when the circuit is invalid or cannot start, 2 for
 * bad options, 3 when a block crashed (also when the run is then stopped with Ctrl+C). Runs on the
 * main thread; a shutdown hook stops the run on Ctrl+C while the main thread prints the summary
 * and ends the JVM with the exit code.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Runs a circuit without the editor and prints block states and errors.")
public final class RunCommand implements java.util.concurrent.Callable<Integer> {
    static final int EXIT_OK = 0;
    static final int EXIT_INVALID = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CRASHED = 3;

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)?");

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE",
            description = "The circuit file (.json), or a VisualCircuit project (.vc3, .vc) to import.")
    private Path file;

    @Option(names = "--for", paramLabel = "DURATION",
            description = "Stop after this long, such as 500ms, 3s, 2m or 1h (default: until Ctrl+C).")
    private String duration;

    @Option(names = "--trace", paramLabel = "FILE.jsonl",
            description = "Write every value of every wire that the tracer saw as one JSON line; a line with"
                    + " \"skipped\": n says n values went by unseen before it (wires keep only the latest value).")
    private Path trace;

    @Option(names = "--manifest", paramLabel = "FILE.json",
            description = "Once every block runs, write the wires' segment names and the blocks' process ids.")
    private Path manifest;

    @Option(names = "--set", paramLabel = "BLOCK.PARAM=VALUE",
            description = "Override a parameter for this run (repeatable).")
    private List<String> sets = new ArrayList<>();

    @Option(names = "--python", paramLabel = "PATH", description = "The Python interpreter for code blocks (default: python3).")
    private String python;

    @Option(names = "--restart", paramLabel = "POLICY|BLOCK=POLICY",
            description = "What to do when a block crashes: never (default) or on-failure (restart with back-off);"
                    + " BLOCK=POLICY sets it for one block (repeatable).")
    private List<String> restarts = new ArrayList<>();

    @Option(names = "--keep-logs",
            description = "Keep the run's folder with the blocks' logs after the run (by default it is removed"
                    + " after a clean run and kept when a block crashed).")
    private boolean keepLogs;

    @Option(names = "--quiet", description = "Print only errors and the final summary, not the blocks' output.")
    private boolean quiet;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Duration limit;
        Map<String, Map<String, Object>> overrides;
        RestartPolicies policies;
        try {
            limit = duration == null ? null : parseDuration(duration);
            overrides = parseOverrides(sets);
            policies = parseRestarts(restarts);
        } catch (IllegalArgumentException e) {
            err.println("vcircuit run: " + e.getMessage());
            return EXIT_USAGE;
        }
        LoadResult loaded;
        try {
            loaded = CircuitFiles.read(file);
        } catch (CircuitFormatException e) {
            e.problems().forEach(p -> err.println(p.format(e.file())));
            return EXIT_INVALID;
        }
        for (Problem w : loaded.warnings()) {
            err.println(w.format(file.toString()));
        }
        Circuit circuit = loaded.circuit();
        List<Problem> problems = Validator.validate(circuit, Catalog.standard(), loaded.sourceMap());
        boolean invalid = false;
        for (Problem p : problems) {
            err.println(p.format(file.toString()));
            invalid |= p.isError();
        }
        if (invalid) {
            return EXIT_INVALID;
        }
        for (String blockId : policies.blocks().keySet()) {
            if (circuit.block(blockId).isEmpty()) {
                err.println("vcircuit run: --restart " + blockId + "=...: the circuit has no block '" + blockId + "'");
                return EXIT_USAGE;
            }
        }

        long startEpochNanos = epochNanos();
        WireTrace tracer = null;
        if (trace != null) {
            try {
                tracer = new WireTrace(trace, startEpochNanos);
            } catch (IOException e) {
                err.println("vcircuit run: cannot write the trace " + trace + " (" + reason(e, trace) + ")");
                return EXIT_USAGE;
            }
        }
        WireTrace finalTracer = tracer;
        RunOptions options = RunOptions.defaults().withOverrides(overrides).withRestartPolicy(policies.fallback())
                .withKeepLogs(keepLogs);
        for (Map.Entry<String, RestartPolicy> e : policies.blocks().entrySet()) {
            options = options.withRestartPolicy(e.getKey(), e.getValue());
        }
        if (python != null) {
            options = options.withPython(python);
        }
        if (tracer != null) {
            options = options.withWiresCreated(finalTracer::follow);
        }
        Printer printer = new Printer(out, err, quiet, System.nanoTime());
        options = options.withListener(printer);
        Run run;
        try {
            run = CircuitRunner.start(circuit, options);
        } catch (RunException e) {
            err.println("vcircuit run: " + e.getMessage());
            closeQuietly(tracer, err);
            return EXIT_INVALID;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            run.stop();
            closeQuietly(finalTracer, err);
            finished.countDown();
            // The main thread prints the summary and halts the JVM with the exit code; returning
            // from this hook first would let the JVM end with 128 + signal instead.
            awaitQuietly(new CountDownLatch(1));
        }, "vc-run-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("running " + (circuit.name().isBlank() ? file.getFileName() : circuit.name()) + " ("
                + run.states().size() + " blocks, " + circuit.wires().size() + " wires; logs in " + run.directory() + ")");
        out.flush();
        if (manifest != null) {
            try {
                writeManifest(run);
            } catch (IOException e) {
                err.println("vcircuit run: cannot write the manifest " + manifest + " (" + reason(e, manifest) + ")");
            }
        }
        waitForEnd(run, limit, policies);
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // Ctrl+C (or SIGTERM) arrived: the hook stops the run. The JVM would then exit with
            // 128 + signal; a user who stops a healthy run with Ctrl+C gets 0 instead, and 3
            // still reports a crash.
            awaitQuietly(finished);
            Runtime.getRuntime().halt(summary(run, out, err));
        }
        run.stop();
        closeQuietly(tracer, err);
        if (keepLogs) {
            out.println("logs kept in " + run.directory());
        }
        return summary(run, out, err);
    }

    private static long epochNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    /** Waits for the time limit, for every block process to end for good, or forever. */
    private static void waitForEnd(Run run, Duration limit, RestartPolicies restarts) {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        boolean hasProcesses = run.circuit().blocks().stream().anyMatch(b -> !isDirect(b.type()));
        while (System.nanoTime() < deadline && run.isRunning()) {
            if (hasProcesses && allProcessesEnded(run, restarts)) {
                return;
            }
            try {
                Thread.sleep(Math.max(1, Math.min(100, (deadline - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean isDirect(String type) {
        return Catalog.standard().find(type).map(t -> t.execution() == Execution.NONE).orElse(true);
    }

    private static boolean allProcessesEnded(Run run, RestartPolicies restarts) {
        for (io.visualcircuit.runtime.circuit.Block b : run.circuit().blocks()) {
            if (isDirect(b.type())) {
                continue;
            }
            BlockState s = run.state(b.id()).state();
            if (s == BlockState.RUNNING || s == BlockState.STARTING || (s == BlockState.CRASHED && restarts.of(b.id()) == RestartPolicy.ON_FAILURE)) {
                return false;
            }
        }
        return true;
    }

    private int summary(Run run, PrintWriter out, PrintWriter err) {
        List<String> crashed = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            if (s.state() == BlockState.CRASHED) {
                crashed.add(s.blockId());
                err.println("block " + s.blockId() + " crashed: " + s.error());
                run.logFile(s.blockId()).ifPresent(f -> err.println("  its log: " + f));
            }
        }
        if (crashed.isEmpty()) {
            out.println("run ended normally");
            out.flush();
            err.flush();
            return EXIT_OK;
        }
        err.println("run ended; crashed: " + String.join(", ", crashed));
        out.flush();
        err.flush();
        return EXIT_CRASHED;
    }

    private void writeManifest(Run run) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        List<Map<String, Object>> wires = new ArrayList<>();
        for (WireInfo w : run.wires()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("wire", w.wire());
            m.put("segment", w.segment());
            m.put("type", w.type().jsonName());
            wires.add(m);
        }
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.blockId());
            m.put("pid", s.pid() > 0 ? s.pid() : null);
            run.statsSegment(s.blockId()).ifPresent(seg -> m.put("stats", seg));
            blocks.add(m);
        }
        root.put("wires", wires);
        root.put("blocks", blocks);
        Path tmp = manifest.resolveSibling(manifest.getFileName() + ".tmp");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.toFile(), root);
        Files.move(tmp, manifest, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Parses 500ms, 3s, 2m, 1h or a plain number of seconds. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration; use for example 500ms, 3s, 2m or 1h");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            case "h" -> n * 3_600_000;
            default -> n * 1000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** The restart policy of every block and the blocks that have their own. */
    record RestartPolicies(RestartPolicy fallback, Map<String, RestartPolicy> blocks) {
        RestartPolicy of(String blockId) {
            return blocks.getOrDefault(blockId, fallback);
        }
    }

    /** Parses {@code --restart} items: {@code never}, {@code on-failure} or {@code BLOCK=POLICY}. */
    static RestartPolicies parseRestarts(List<String> items) {
        RestartPolicy fallback = RestartPolicy.NEVER;
        Map<String, RestartPolicy> blocks = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.lastIndexOf('=');
            if (eq < 0) {
                fallback = RestartPolicy.parse(item);
            } else if (eq == 0) {
                throw new IllegalArgumentException("--restart " + item + ": use POLICY or BLOCK=POLICY");
            } else {
                blocks.put(item.substring(0, eq).trim(), RestartPolicy.parse(item.substring(eq + 1)));
            }
        }
        return new RestartPolicies(fallback, Map.copyOf(blocks));
    }

    /** Why a file cannot be written, in words rather than the exception's bare path. */
    static String reason(IOException e, Path file) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            Path parent = file.toAbsolutePath().getParent();
            return parent != null && !Files.isDirectory(parent) ? "no such folder: " + parent : "no such file or folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** Parses {@code BLOCK.PARAM=VALUE} items; the block id is everything before the last dot. */
    static Map<String, Map<String, Object>> parseOverrides(List<String> items) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String item : items) {
            int eq = item.indexOf('=');
            int dot = eq < 0 ? -1 : item.lastIndexOf('.', eq);
            if (eq < 0 || dot <= 0 || dot == eq - 1) {
                throw new IllegalArgumentException("--set " + item + ": use BLOCK.PARAM=VALUE");
            }
            out.computeIfAbsent(item.substring(0, dot), k -> new LinkedHashMap<>())
                    .put(item.substring(dot + 1, eq), item.substring(eq + 1));
        }
        return out;
    }

    private static void closeQuietly(WireTrace t, PrintWriter err) {
        if (t == null) {
            return;
        }
        try {
            t.close();
        } catch (IOException e) {
            err.println("vcircuit run: the trace is incomplete: " + e.getMessage());
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Prints state changes and block output; called on the run's supervision threads. */
    private static final class Printer implements RunListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private final boolean quiet;
        private final long start;
        private final Map<String, BlockState> last = new LinkedHashMap<>();

        Printer(PrintWriter out, PrintWriter err, boolean quiet, long start) {
            this.out = out;
            this.err = err;
            this.quiet = quiet;
            this.start = start;
        }

        private String stamp() {
            return String.format(Locale.ROOT, "[%7.2fs] ", (System.nanoTime() - start) / 1e9);
        }

        @Override
        public synchronized void stateChanged(BlockStatus s) {
            if (last.put(s.blockId(), s.state()) == s.state() && s.state() != BlockState.CRASHED) {
                return;
            }
            String text = switch (s.state()) {
                case STARTING -> "starting";
                case RUNNING -> s.pid() > 0 ? "running (pid " + s.pid() + ")" : "ready (no process)";
                case EXITED -> "exited with code " + s.exitCode();
                case CRASHED -> "CRASHED: " + s.error();
                case STOPPED -> "stopped";
            };
            if (s.state() == BlockState.CRASHED) {
                err.println(stamp() + s.blockId() + ": " + text);
                err.flush();
            } else if (!quiet || s.state() == BlockState.EXITED) {
                out.println(stamp() + s.blockId() + ": " + text);
                out.flush();
            }
        }

        @Override
        public void logLine(LogLine line) {
            if (quiet || line.stream() == LogLine.Stream.RUNTIME) {
                return;
            }
            PrintWriter w = line.stream() == LogLine.Stream.STDERR ? err : out;
            synchronized (this) {
                w.println(stamp() + line.blockId() + "| " + line.text());
                w.flush();
            }
        }
    }
}
