package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Catalog;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link CircuitRunner} starts a circuit. Immutable: every {@code with...} method returns a
 * changed copy, so one instance may be shared between threads.
 */
public final class RunOptions {
    private final String python;
    private final Path runDirectory;
    private final Map<String, Map<String, Object>> overrides;
    private final Duration stopGrace;
    private final Duration readyTimeout;
    private final RestartPolicy restartPolicy;
    private final Map<String, RestartPolicy> blockRestartPolicies;
    private final String java;
    private final List<String> jvmOptions;
    private final boolean classDataSharing;
    private final int logLines;
    private final Catalog catalog;
    private final Consumer<List<WireInfo>> wiresCreated;
    private final List<RunListener> listeners;
    private final boolean keepLogs;

    private RunOptions(Settings s) {
        this.python = Objects.requireNonNull(s.python, "python");
        this.runDirectory = s.runDirectory;
        Map<String, Map<String, Object>> o = new LinkedHashMap<>();
        s.overrides.forEach((k, v) -> o.put(k, Map.copyOf(v)));
        this.overrides = Map.copyOf(o);
        this.stopGrace = Objects.requireNonNull(s.stopGrace, "stopGrace");
        this.readyTimeout = Objects.requireNonNull(s.readyTimeout, "readyTimeout");
        this.restartPolicy = Objects.requireNonNull(s.restartPolicy, "restartPolicy");
        this.blockRestartPolicies = Map.copyOf(s.blockRestartPolicies);
        this.java = s.java;
        this.jvmOptions = List.copyOf(s.jvmOptions);
        this.classDataSharing = s.classDataSharing;
        if (s.logLines < 1) {
            throw new IllegalArgumentException("logLines must be at least 1");
        }
        this.logLines = s.logLines;
        this.catalog = Objects.requireNonNull(s.catalog, "catalog");
        this.wiresCreated = s.wiresCreated;
        this.listeners = List.copyOf(s.listeners);
        this.keepLogs = s.keepLogs;
    }

    /**
     * The mutable scratch copy a {@code with...} method changes before it becomes a new, checked
     * instance; it never leaves the method that made it.
     */
    private static final class Settings {
        String python;
        Path runDirectory;
        Map<String, Map<String, Object>> overrides;
        Duration stopGrace;
        Duration readyTimeout;
        RestartPolicy restartPolicy;
        Map<String, RestartPolicy> blockRestartPolicies;
        String java;
        List<String> jvmOptions;
        boolean classDataSharing;
        int logLines;
        Catalog catalog;
        Consumer<List<WireInfo>> wiresCreated;
        List<RunListener> listeners;
        boolean keepLogs;

        /** The defaults described at {@link RunOptions#defaults()}. */
        Settings() {
            python = "python3";
            overrides = Map.of();
            stopGrace = Duration.ofSeconds(1);
            readyTimeout = Duration.ofSeconds(60);
            restartPolicy = RestartPolicy.NEVER;
            blockRestartPolicies = Map.of();
            jvmOptions = List.of();
            classDataSharing = true;
            logLines = 2000;
            catalog = Catalog.standard();
            listeners = List.of();
        }

        Settings(RunOptions o) {
            python = o.python;
            runDirectory = o.runDirectory;
            overrides = o.overrides;
            stopGrace = o.stopGrace;
            readyTimeout = o.readyTimeout;
            restartPolicy = o.restartPolicy;
            blockRestartPolicies = o.blockRestartPolicies;
            java = o.java;
            jvmOptions = o.jvmOptions;
            classDataSharing = o.classDataSharing;
            logLines = o.logLines;
            catalog = o.catalog;
            wiresCreated = o.wiresCreated;
            listeners = o.listeners;
            keepLogs = o.keepLogs;
        }
    }

    /** A copy of these options with {@code change} applied, checked like any other instance. */
    private RunOptions with(Consumer<Settings> change) {
        Settings s = new Settings(this);
        change.accept(s);
        return new RunOptions(s);
    }

    /**
     * python3 from PATH, a fresh run directory under the temporary folder (removed after a clean
     * stop), no overrides, a grace period of one second per stop step, no restarts, class-data
     * sharing on.
     */
    public static RunOptions defaults() {
        return new RunOptions(new Settings());
    }

    /** The Python interpreter for code blocks: a command on PATH or a path to an executable. */
    public RunOptions withPython(String interpreter) {
        return with(s -> s.python = interpreter);
    }

    /**
     * Where the run keeps logs and per-block files; null creates a fresh folder per run in the
     * temporary folder. A folder given here is never removed by the run.
     */
    public RunOptions withRunDirectory(Path directory) {
        return with(s -> s.runDirectory = directory);
    }

    /** Parameter values that replace the circuit's for this run: block id -> (parameter -> value). */
    public RunOptions withOverrides(Map<String, Map<String, Object>> newOverrides) {
        return with(s -> s.overrides = newOverrides);
    }

    /** How long {@link Run#stop()} waits after the cooperative stop, and again after SIGTERM. */
    public RunOptions withStopGrace(Duration grace) {
        return with(s -> s.stopGrace = grace);
    }

    /** How long start waits for every block process to report ready before giving up. */
    public RunOptions withReadyTimeout(Duration timeout) {
        return with(s -> s.readyTimeout = timeout);
    }

    /** The restart policy of every block that has none of its own. */
    public RunOptions withRestartPolicy(RestartPolicy policy) {
        return with(s -> s.restartPolicy = policy);
    }

    /** The restart policy of one block. */
    public RunOptions withRestartPolicy(String blockId, RestartPolicy policy) {
        Map<String, RestartPolicy> m = new LinkedHashMap<>(blockRestartPolicies);
        m.put(blockId, policy);
        return with(s -> s.blockRestartPolicies = m);
    }

    /** The java executable for block processes; null uses the one running this program. */
    public RunOptions withJava(String executable) {
        return with(s -> s.java = executable);
    }

    /** Extra JVM options for Java block processes, appended after the runtime's own. */
    public RunOptions withJvmOptions(List<String> options) {
        return with(s -> s.jvmOptions = options);
    }

    /** Whether Java block processes use a class-data-sharing archive kept in the user's cache folder. */
    public RunOptions withClassDataSharing(boolean enabled) {
        return with(s -> s.classDataSharing = enabled);
    }

    /** How many recent log lines per block are kept in memory (the log files keep everything). */
    public RunOptions withLogLines(int lines) {
        return with(s -> s.logLines = lines);
    }

    /** The catalog the circuit is checked against. */
    public RunOptions withCatalog(Catalog newCatalog) {
        return with(s -> s.catalog = newCatalog);
    }

    /**
     * A callback run once every wire exists and the values of blocks without a process are
     * written, before any block process starts, on the thread that calls start: a tracer that
     * attaches here sees every value from the first one.
     */
    public RunOptions withWiresCreated(Consumer<List<WireInfo>> callback) {
        return with(s -> s.wiresCreated = callback);
    }

    /**
     * A listener registered before any block starts, so it hears every state change and log line
     * from the first one (a listener added to the run later misses what happened during start).
     */
    public RunOptions withListener(RunListener listener) {
        List<RunListener> l = new java.util.ArrayList<>(listeners);
        l.add(Objects.requireNonNull(listener, "listener"));
        return with(s -> s.listeners = l);
    }

    /**
     * Whether the fresh folder of a run (see {@link #withRunDirectory}) stays after the run stops.
     * By default it is removed when the run stops cleanly, and kept, with the blocks' logs, when a
     * block crashed; folders of dead runs are swept by a later start once they are a day old.
     */
    public RunOptions withKeepLogs(boolean keep) {
        return with(s -> s.keepLogs = keep);
    }

    public boolean keepLogs() {
        return keepLogs;
    }

    public List<RunListener> listeners() {
        return listeners;
    }

    /** The callback set by {@link #withWiresCreated}, or null. */
    public Consumer<List<WireInfo>> wiresCreated() {
        return wiresCreated;
    }

    public String python() {
        return python;
    }

    /** The configured run directory, or null for a fresh one per run. */
    public Path runDirectory() {
        return runDirectory;
    }

    public Map<String, Map<String, Object>> overrides() {
        return overrides;
    }

    public Duration stopGrace() {
        return stopGrace;
    }

    public Duration readyTimeout() {
        return readyTimeout;
    }

    public RestartPolicy restartPolicy() {
        return restartPolicy;
    }

    /** The policy that applies to one block. */
    public RestartPolicy restartPolicy(String blockId) {
        return blockRestartPolicies.getOrDefault(blockId, restartPolicy);
    }

    /** The java executable, or null for the current one. */
    public String java() {
        return java;
    }

    public List<String> jvmOptions() {
        return jvmOptions;
    }

    public boolean classDataSharing() {
        return classDataSharing;
    }

    public int logLines() {
        return logLines;
    }

    public Catalog catalog() {
        return catalog;
    }
}
