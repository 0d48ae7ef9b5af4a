package io.visualcircuit.runtime.run;

import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireException;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Execution;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.host.BlockSpec;
import io.visualcircuit.runtime.host.ControlMessages;
import io.visualcircuit.runtime.host.StatsLayout;
import io.visualcircuit.runtime.host.WireValues;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A circuit running on this machine: the run's segments, one supervised process per computing
 * block, and direct writers for blocks without a process.
 *
 * <p>Threads: the run owns a small pool of launcher threads (processes are spawned only there,
 * see {@link BlockProcess}), a scheduler for restarts, and the supervision threads of each block.
 * Every public method may be called from any thread; listener callbacks arrive on supervision
 * threads.
 */
final class LocalRun implements Run {
    private static final int LAUNCHER_THREADS = 4;

    private final Circuit circuit;
    private final RunPlan plan;
    private final RunOptions options;
    private final Path directory;
    private final RunSegments segments;
    private final List<WireInfo> wires = new ArrayList<>();
    private final Map<String, WireWriter> directWriters = new HashMap<>();
    private final Map<String, String> statsSegments = new HashMap<>();
    private final Map<String, WireReader> statsReaders = new HashMap<>();
    private final Map<String, BlockProcess> processes = new LinkedHashMap<>();
    private final Map<String, Path> specFiles = new HashMap<>();
    private final Map<String, BlockStatus> directStates = new ConcurrentHashMap<>();
    private final Map<String, BlockLog> logs = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> liveParams = new ConcurrentHashMap<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService launcher;
    private final ScheduledExecutorService scheduler;
    private final Object stopLock = new Object();
    /** Serialises the runtime's own writes (the wires of sliders, switches...) with closing the wires. */
    private final Object directLock = new Object();
    private boolean wiresClosed;
    private volatile boolean stopped;
    /** True when the run made its folder itself (and may remove it); false for a folder the caller gave. */
    private final boolean ownsDirectory;
    private volatile boolean directoryRemoved;
    /** When this program last swept the folders of dead runs (epoch millis); at most once an hour. */
    private static final AtomicLong LAST_SWEEP = new AtomicLong();

    private LocalRun(Circuit circuit, RunPlan plan, RunOptions options, Path directory, RunSegments segments) {
        this.circuit = circuit;
        this.plan = plan;
        this.options = options;
        this.directory = directory;
        this.segments = segments;
        this.launcher = Executors.newFixedThreadPool(LAUNCHER_THREADS, daemon("vc-launch"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon("vc-restart"));
        this.listeners.addAll(options.listeners());
        this.ownsDirectory = options.runDirectory() == null;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static Run start(Circuit circuit, RunPlan plan, RunOptions options) {
        List<RunPlan.PlannedBlock> python = plan.blocks().stream()
                .filter(b -> b.execution() == Execution.PYTHON_PROCESS).toList();
        PythonSupport.check(options.python(), python);
        Path dir;
        try {
            dir = options.runDirectory() != null ? options.runDirectory() : RunDirectories.create();
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("blocks"));
        } catch (IOException e) {
            throw new RunException("Cannot create the run's folder: " + e.getMessage());
        }
        RunSegments segments;
        try {
            segments = RunSegments.create(dir);
        } catch (WireException e) {
            throw new RunException("Cannot create the circuit's wires: " + e.getMessage());
        }
        LocalRun run = new LocalRun(circuit, plan, options, dir, segments);
        if (run.ownsDirectory) {
            sweepDeadRunsInBackground(dir);
        }
        try {
            run.prepare(!python.isEmpty());
            if (options.wiresCreated() != null) {
                options.wiresCreated().accept(run.wires());
            }
            run.launchAll();
        } catch (RuntimeException | IOException e) {
            run.stop();
            if (e instanceof RunException re) {
                throw re;
            }
            throw new RunException("The circuit could not start: " + e.getMessage(), List.of(String.valueOf(e.getMessage())),
                    null, e);
        }
        return run;
    }

    /**
     * Removes, on a background thread, the folders of dead runs older than a day that sit next to
     * {@code own}. Runs after the wire segments of dead runs were swept (by {@link RunSegments#create}),
     * which an old folder without an owner record relies on to tell whether its run lives.
     */
    private static void sweepDeadRunsInBackground(Path own) {
        long now = System.currentTimeMillis();
        long last = LAST_SWEEP.get();
        if (now - last < TimeUnit.HOURS.toMillis(1) || !LAST_SWEEP.compareAndSet(last, now)) {
            return;
        }
        Path parent = own.getParent();
        if (parent == null) {
            return;
        }
        Thread t = new Thread(() -> RunDirectories.sweep(parent, RunDirectories.KEEP_DEAD_RUNS, own), "vc-run-sweep");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Creates the wires, writes the values of blocks without a process and the spec file of every process. */
    private void prepare(boolean hasPython) throws IOException {
        for (RunPlan.PlannedWire w : plan.wires().values()) {
            WireWriter writer = segments.createWire(w.key(), initialCapacity(w.type()));
            wires.add(new WireInfo(w.key(), segments.segmentName(w.key()), w.type()));
            RunPlan.PlannedBlock source = plan.block(w.blockId());
            if (source.execution() == Execution.NONE) {
                directWriters.put(w.key(), writer);
            }
        }
        Path pythonFolder = hasPython ? PythonSupport.install(directory.resolve("python")).getParent() : null;
        BlockJvm jvm = null;
        int index = 0;
        for (RunPlan.PlannedBlock b : plan.blocks()) {
            index++;
            liveParams.put(b.id(), new ConcurrentHashMap<>(b.params()));
            String safe = String.format(Locale.ROOT, "%03d-%s", index, b.id().replaceAll("[^A-Za-z0-9_.-]", "_"));
            BlockLog log = new BlockLog(b.id(), options.logLines(), directory.resolve("logs").resolve(safe + ".log"));
            logs.put(b.id(), log);
            if (b.execution() == Execution.NONE) {
                writeInitialValues(b);
                continue;
            }
            String statsKey = "stats:" + b.id();
            segments.createWire(statsKey, 128);
            statsSegments.put(b.id(), segments.segmentName(statsKey));
            Path specFile = directory.resolve("blocks").resolve(safe + ".spec");
            String codeFile = null;
            if (b.execution() == Execution.PYTHON_PROCESS) {
                Path code = directory.resolve("blocks").resolve(safe + ".py");
                String source = b.block().code() == null ? "" : b.block().code();
                Files.writeString(code, source, StandardCharsets.UTF_8);
                codeFile = code.toString();
            }
            spec(b, codeFile).write(specFile);
            specFiles.put(b.id(), specFile);
            List<String> command;
            Map<String, String> env;
            if (b.execution() == Execution.PYTHON_PROCESS) {
                command = PythonSupport.command(options.python(), pythonFolder.resolve("vc_host.py"), specFile);
                env = PythonSupport.environment(pythonFolder);
            } else {
                if (jvm == null) {
                    jvm = new BlockJvm(options.java(), options.classDataSharing());
                    jvm.trainInBackground();
                }
                command = new ArrayList<>(jvm.command(specFile));
                if (!options.jvmOptions().isEmpty()) {
                    command.addAll(1, options.jvmOptions());
                }
                env = Map.of();
            }
            String id = b.id();
            processes.put(id, new BlockProcess(id, command, directory, env, log, events(),
                    options.restartPolicy(id), launcher, scheduler, () -> refreshSpec(id)));
        }
        for (RunPlan.PlannedBlock b : plan.blocks()) {
            if (b.execution() == Execution.NONE) {
                BlockStatus s = new BlockStatus(b.id(), BlockState.RUNNING, null, null, null, -1);
                directStates.put(b.id(), s);
                fireState(s);
            }
        }
    }

    private BlockSpec spec(RunPlan.PlannedBlock b, String codeFile) {
        List<BlockSpec.PortWire> ins = new ArrayList<>();
        List<BlockSpec.PortWire> outs = new ArrayList<>();
        for (PortSpec p : b.inputs()) {
            String source = plan.sourceOf(b.id(), p.name());
            ins.add(new BlockSpec.PortWire(p.name(), p.type().jsonName(),
                    source == null ? null : segments.segmentName(source)));
        }
        for (PortSpec p : b.outputs()) {
            String key = b.id() + "." + p.name();
            outs.add(new BlockSpec.PortWire(p.name(), p.type().jsonName(),
                    plan.wires().containsKey(key) ? segments.segmentName(key) : null));
        }
        return new BlockSpec(b.id(), b.type().id(), b.rate(), ProcessHandle.current().pid(),
                statsSegments.get(b.id()), codeFile, ins, outs, b.params(), blockingWires(b));
    }

    /**
     * Whether a block will sleep on its input wires (it steps on new values) or have readers that
     * sleep on its outputs (an event-driven block, or whoever follows the wires from the start,
     * such as a trace). Such a block readies its blocking waits at start, so that its first wait or
     * wake-up does not hold back a value; the others never load what that takes.
     */
    private boolean blockingWires(RunPlan.PlannedBlock b) {
        boolean wiredInput = b.inputs().stream().anyMatch(p -> plan.sourceOf(b.id(), p.name()) != null);
        if (b.rate() == 0 && wiredInput) {
            return true;
        }
        boolean wiredOutput = b.outputs().stream().anyMatch(p -> plan.wires().containsKey(b.id() + "." + p.name()));
        if (!wiredOutput) {
            return false;
        }
        if (options.wiresCreated() != null) {
            return true;
        }
        for (RunPlan.PlannedBlock reader : plan.blocks()) {
            if (reader.rate() == 0 && reader.execution() != Execution.NONE && reader.inputs().stream()
                    .map(p -> plan.sourceOf(reader.id(), p.name()))
                    .anyMatch(source -> source != null && plan.wires().get(source).blockId().equals(b.id()))) {
                return true;
            }
        }
        return false;
    }

    private static int initialCapacity(PortType type) {
        return switch (type) {
            case NUMBER, BOOLEAN -> 16;
            case STRING, ANY -> 256;
            case ARRAY -> 1024;
            case IMAGE -> 320 * 240 * 3;
        };
    }

    /**
     * Puts the value of a block without a process on its wires: a constant's, slider's or
     * switch's {@code value} (or its type's default), and false for a button.
     */
    private void writeInitialValues(RunPlan.PlannedBlock b) {
        for (PortSpec out : b.outputs()) {
            WireWriter w = directWriters.get(b.id() + "." + out.name());
            if (w == null) {
                continue;
            }
            Object value = b.params().get("value");
            if (value == null) {
                value = switch (out.type()) {
                    case NUMBER -> 0.0;
                    case BOOLEAN -> false;
                    case STRING -> "";
                    default -> null;
                };
            }
            if (value != null) {
                synchronized (directLock) {
                    WireValues.write(w, convert(value, out.type()));
                }
            }
        }
    }

    private void launchAll() {
        Map<String, CompletableFuture<BlockStatus>> ready = new LinkedHashMap<>();
        for (BlockProcess p : processes.values()) {
            ready.put(p.blockId(), p.launch());
        }
        long deadline = System.nanoTime() + options.readyTimeout().toNanos();
        for (Map.Entry<String, CompletableFuture<BlockStatus>> e : ready.entrySet()) {
            try {
                e.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException ex) {
                BlockProcess p = processes.get(e.getKey());
                p.stopFully(options.stopGrace().toNanos(), false);
                p.markFailed("did not report ready within " + options.readyTimeout().toSeconds() + " s");
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new RunException("Interrupted while starting the circuit");
            } catch (java.util.concurrent.ExecutionException ex) {
                processes.get(e.getKey()).markFailed("could not start: " + ex.getCause());
            }
        }
        // The start barrier: only now that every block is ready (or failed, or timed out, which
        // holds no one back) may any block step, so that no value is published into a wire whose
        // reader is still starting. start() returning means every ready block is stepping.
        for (BlockProcess p : processes.values()) {
            p.release();
        }
    }

    private BlockProcess.Events events() {
        return new BlockProcess.Events() {
            @Override
            public void stateChanged(BlockStatus status) {
                fireState(status);
            }

            @Override
            public void logLine(LogLine line) {
                for (RunListener l : listeners) {
                    try {
                        l.logLine(line);
                    } catch (RuntimeException e) {
                        // A faulty listener must not break supervision.
                    }
                }
            }
        };
    }

    private void fireState(BlockStatus status) {
        for (RunListener l : listeners) {
            try {
                l.stateChanged(status);
            } catch (RuntimeException e) {
                // A faulty listener must not break supervision.
            }
        }
    }

    @Override
    public Circuit circuit() {
        return circuit;
    }

    @Override
    public Path directory() {
        return directory;
    }

    @Override
    public List<WireInfo> wires() {
        return Collections.unmodifiableList(wires);
    }

    @Override
    public Map<String, BlockStatus> states() {
        Map<String, BlockStatus> out = new LinkedHashMap<>();
        for (RunPlan.PlannedBlock b : plan.blocks()) {
            out.put(b.id(), state(b.id()));
        }
        return out;
    }

    @Override
    public BlockStatus state(String blockId) {
        BlockProcess p = processes.get(blockId);
        if (p != null) {
            return p.status();
        }
        BlockStatus s = directStates.get(blockId);
        if (s == null) {
            throw new IllegalArgumentException("the circuit has no block '" + blockId + "'");
        }
        return s;
    }

    @Override
    public Optional<String> statsSegment(String blockId) {
        return Optional.ofNullable(statsSegments.get(blockId));
    }

    @Override
    public Optional<BlockStats> stats(String blockId) {
        String segment = statsSegments.get(blockId);
        if (segment == null || stopped) {
            return Optional.empty();
        }
        synchronized (statsReaders) {
            if (stopped) {
                return Optional.empty();
            }
            try {
                WireReader r = statsReaders.get(blockId);
                if (r == null) {
                    r = WireReader.open(segment);
                    statsReaders.put(blockId, r);
                }
                Sample s = r.read();
                if (s == null || !(s.value() instanceof Value.DoubleArrayValue a)
                        || a.data().length < StatsLayout.LENGTH) {
                    return Optional.empty();
                }
                double[] f = a.data();
                return Optional.of(new BlockStats(f[StatsLayout.REQUESTED_RATE], f[StatsLayout.ACHIEVED_RATE],
                        (long) f[StatsLayout.LOOPS], f[StatsLayout.CPU_SECONDS], (long) f[StatsLayout.RSS_BYTES]));
            } catch (WireException e) {
                return Optional.empty();
            }
        }
    }

    @Override
    public List<LogLine> log(String blockId) {
        BlockLog l = logs.get(blockId);
        return l == null ? List.of() : l.snapshot();
    }

    @Override
    public Optional<Path> logFile(String blockId) {
        BlockLog l = logs.get(blockId);
        return l == null || directoryRemoved ? Optional.empty() : Optional.of(l.file());
    }

    @Override
    public void addListener(RunListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RunListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void write(String blockId, String port, Object value) {
        RunPlan.PlannedBlock b = requireBlock(blockId);
        PortSpec spec = b.port(port).filter(p -> p.direction() == io.visualcircuit.runtime.circuit.Direction.OUT)
                .orElseThrow(() -> new IllegalArgumentException("block '" + blockId + "' has no output '" + port + "'"));
        if (b.execution() != Execution.NONE) {
            throw new IllegalArgumentException("block '" + blockId + "' computes its own outputs; only inputs such as"
                    + " sliders, switches, buttons and constants can be written");
        }
        WireWriter w = directWriters.get(blockId + "." + port);
        if (w == null) {
            return;
        }
        Object converted = convert(value, spec.type());
        synchronized (directLock) {
            // Never write to a wire whose mapping stop() is about to remove.
            if (!wiresClosed) {
                WireValues.write(w, converted);
            }
        }
    }

    private static Object convert(Object value, PortType type) {
        return switch (type) {
            case NUMBER -> {
                if (value instanceof Number n) {
                    yield n.doubleValue();
                }
                if (value instanceof Boolean b) {
                    yield b ? 1.0 : 0.0;
                }
                try {
                    yield Double.parseDouble(value.toString().trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + value + "' is not a number");
                }
            }
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    yield b;
                }
                if (value instanceof Number n) {
                    yield n.doubleValue() != 0;
                }
                yield Boolean.parseBoolean(value.toString().trim());
            }
            case STRING -> value.toString();
            default -> value;
        };
    }

    @Override
    public void setParameter(String blockId, String name, Object value) {
        RunPlan.PlannedBlock b = requireBlock(blockId);
        Optional<ParamSpec> spec = b.type().param(name);
        if (spec.isEmpty() && !b.block().params().containsKey(name)) {
            throw new IllegalArgumentException("block '" + blockId + "' has no parameter '" + name + "'");
        }
        Object v = RunPlan.coerce(value, spec.orElse(null), b.block().params().get(name));
        liveParams.get(blockId).put(name, v);
        BlockProcess p = processes.get(blockId);
        if (p != null) {
            p.send(ControlMessages.setLine(name, v));
        } else if (name.equals("value")) {
            for (PortSpec out : b.outputs()) {
                if (directWriters.containsKey(blockId + "." + out.name())) {
                    write(blockId, out.name(), v);
                }
            }
        }
    }

    private RunPlan.PlannedBlock requireBlock(String blockId) {
        RunPlan.PlannedBlock b = plan.block(blockId);
        if (b == null) {
            throw new IllegalArgumentException("the circuit has no block '" + blockId + "'");
        }
        return b;
    }

    @Override
    public void restartBlock(String blockId) {
        requireBlock(blockId);
        BlockProcess p = processes.get(blockId);
        if (p == null || stopped) {
            return;
        }
        p.stopFully(options.stopGrace().toNanos(), false);
        if (stopped) {
            return;
        }
        try {
            refreshSpec(blockId);
        } catch (java.io.UncheckedIOException e) {
            p.markFailed("cannot restart: " + e.getCause().getMessage());
            return;
        }
        p.note("restarting on request");
        try {
            p.launch().get(options.readyTimeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.stopFully(options.stopGrace().toNanos(), false);
            p.markFailed("did not report ready within " + options.readyTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            p.markFailed("could not restart: " + e.getCause());
        }
    }

    /** Rewrites a block's spec with its live parameters, so that a restarted block keeps the user's changes. */
    private void refreshSpec(String blockId) {
        try {
            Path specFile = specFiles.get(blockId);
            BlockSpec.read(specFile).withParams(liveParams.get(blockId)).write(specFile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        long grace = options.stopGrace().toNanos();
        for (BlockProcess p : processes.values()) {
            p.requestStop(true);
        }
        if (!awaitAll(grace)) {
            processes.values().forEach(BlockProcess::terminate);
            if (!awaitAll(grace)) {
                processes.values().forEach(BlockProcess::kill);
                awaitAll(TimeUnit.SECONDS.toNanos(5));
            }
        }
        for (Map.Entry<String, BlockStatus> e : directStates.entrySet()) {
            BlockStatus s = new BlockStatus(e.getKey(), BlockState.STOPPED, null, null, null, -1);
            e.setValue(s);
            fireState(s);
        }
        synchronized (statsReaders) {
            statsReaders.values().forEach(WireReader::close);
            statsReaders.clear();
        }
        synchronized (directLock) {
            wiresClosed = true;
            segments.close();
        }
        logs.values().forEach(BlockLog::close);
        launcher.shutdownNow();
        scheduler.shutdownNow();
        removeDirectoryIfClean();
        for (RunListener l : listeners) {
            try {
                l.runEnded();
            } catch (RuntimeException e) {
                // A faulty listener must not keep the others from hearing that the run ended.
            }
        }
    }

    /**
     * Removes the run's folder after a clean stop: when the run made it itself, the options do not
     * ask to keep logs, and no block crashed (then its log is what the user needs next).
     */
    private void removeDirectoryIfClean() {
        if (!ownsDirectory || options.keepLogs()) {
            return;
        }
        for (BlockProcess p : processes.values()) {
            if (p.status().state() == BlockState.CRASHED) {
                return;
            }
        }
        directoryRemoved = RunDirectories.delete(directory);
    }

    private boolean awaitAll(long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        boolean all = true;
        for (BlockProcess p : processes.values()) {
            all &= p.awaitEnded(deadline - System.nanoTime());
        }
        return all;
    }

    @Override
    public boolean isRunning() {
        return !stopped;
    }
}
