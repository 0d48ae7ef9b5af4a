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

    private RunOptions(String python, Path runDirectory, Map<String, Map<String, Object>> overrides,
                       Duration stopGrace, Duration readyTimeout, RestartPolicy restartPolicy,
                       Map<String, RestartPolicy> blockRestartPolicies, String java, List<String> jvmOptions,
                       boolean classDataSharing, int logLines, Catalog catalog,
                       Consumer<List<WireInfo>> wiresCreated, List<RunListener> listeners, boolean keepLogs) {
        this.python = Objects.requireNonNull(python, "python");
        this.runDirectory = runDirectory;
        Map<String, Map<String, Object>> o = new LinkedHashMap<>();
        overrides.forEach((k, v) -> o.put(k, Map.copyOf(v)));
        this.overrides = Map.copyOf(o);
        this.stopGrace = Objects.requireNonNull(stopGrace, "stopGrace");
        this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
        this.restartPolicy = Objects.requireNonNull(restartPolicy, "restartPolicy");
        this.blockRestartPolicies = Map.copyOf(blockRestartPolicies);
        this.java = java;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.classDataSharing = classDataSharing;
        if (logLines < 1) {
            throw new IllegalArgumentException("logLines must be at least 1");
        }
        this.logLines = logLines;
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.wiresCreated = wiresCreated;
        this.listeners = List.copyOf(listeners);
        this.keepLogs = keepLogs;
    }

    /**
     * python3 from PATH, a fresh run directory under the temporary folder (removed after a clean
     * stop), no overrides, a grace period of one second per stop step, no restarts, class-data
     * sharing on.
     */
    public static RunOptions defaults() {
        return new RunOptions("python3", null, Map.of(), Duration.ofSeconds(1), Duration.ofSeconds(60),
                RestartPolicy.NEVER, Map.of(), null, List.of(), true, 2000, Catalog.standard(), null, List.of(), false);
    }

    /** The Python interpreter for code blocks: a command on PATH or a path to an executable. */
    public RunOptions withPython(String interpreter) {
        return new RunOptions(interpreter, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /**
     * Where the run keeps logs and per-block files; null creates a fresh folder per run in the
     * temporary folder. A folder given here is never removed by the run.
     */
    public RunOptions withRunDirectory(Path directory) {
        return new RunOptions(python, directory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** Parameter values that replace the circuit's for this run: block id -> (parameter -> value). */
    public RunOptions withOverrides(Map<String, Map<String, Object>> newOverrides) {
        return new RunOptions(python, runDirectory, newOverrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** How long {@link Run#stop()} waits after the cooperative stop, and again after SIGTERM. */
    public RunOptions withStopGrace(Duration grace) {
        return new RunOptions(python, runDirectory, overrides, grace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** How long start waits for every block process to report ready before giving up. */
    public RunOptions withReadyTimeout(Duration timeout) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, timeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** The restart policy of every block that has none of its own. */
    public RunOptions withRestartPolicy(RestartPolicy policy) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, policy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** The restart policy of one block. */
    public RunOptions withRestartPolicy(String blockId, RestartPolicy policy) {
        Map<String, RestartPolicy> m = new LinkedHashMap<>(blockRestartPolicies);
        m.put(blockId, policy);
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                m, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** The java executable for block processes; null uses the one running this program. */
    public RunOptions withJava(String executable) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, executable, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** Extra JVM options for Java block processes, appended after the runtime's own. */
    public RunOptions withJvmOptions(List<String> options) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, options, classDataSharing, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** Whether Java block processes use a class-data-sharing archive kept in the user's cache folder. */
    public RunOptions withClassDataSharing(boolean enabled) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, enabled, logLines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** How many recent log lines per block are kept in memory (the log files keep everything). */
    public RunOptions withLogLines(int lines) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, lines, catalog, wiresCreated, listeners, keepLogs);
    }

    /** The catalog the circuit is checked against. */
    public RunOptions withCatalog(Catalog newCatalog) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, newCatalog, wiresCreated, listeners, keepLogs);
    }

    /**
     * A callback run once every wire exists and the values of blocks without a process are
     * written, before any block process starts, on the thread that calls start: a tracer that
     * attaches here sees every value from the first one.
     */
    public RunOptions withWiresCreated(Consumer<List<WireInfo>> callback) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, callback, listeners, keepLogs);
    }

    /**
     * A listener registered before any block starts, so it hears every state change and log line
     * from the first one (a listener added to the run later misses what happened during start).
     */
    public RunOptions withListener(RunListener listener) {
        List<RunListener> l = new java.util.ArrayList<>(listeners);
        l.add(Objects.requireNonNull(listener, "listener"));
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, l, keepLogs);
    }

    /**
     * Whether the fresh folder of a run (see {@link #withRunDirectory}) stays after the run stops.
     * By default it is removed when the run stops cleanly, and kept, with the blocks' logs, when a
     * block crashed; folders of dead runs are swept by a later start once they are a day old.
     */
    public RunOptions withKeepLogs(boolean keep) {
        return new RunOptions(python, runDirectory, overrides, stopGrace, readyTimeout, restartPolicy,
                blockRestartPolicies, java, jvmOptions, classDataSharing, logLines, catalog, wiresCreated, listeners, keep);
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
