package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Circuit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A running circuit: its wires, its block processes and their states. The circuit it runs is a
 * snapshot taken at start and is never changed by the run.
 *
 * <p>Thread safety: every method may be called from any thread. Listener callbacks arrive on
 * runtime threads (see {@link RunListener}).
 */
public interface Run extends AutoCloseable {

    /** The circuit as it was when the run started. */
    Circuit circuit();

    /**
     * The run's private folder: logs, wire list and per-block files. A folder the run made itself
     * is removed when the run stops cleanly, unless {@code RunOptions.withKeepLogs} asks to keep it
     * or a block crashed.
     */
    Path directory();

    /** One entry per output port that has a wire or a reader, with its segment name. */
    List<WireInfo> wires();

    Map<String, BlockStatus> states();

    BlockStatus state(String blockId);

    /** The latest figures a block process published, empty for blocks without a process. */
    Optional<BlockStats> stats(String blockId);

    /**
     * The shared-memory segment where a block process publishes its stats (a float64 array laid
     * out as {@code io.visualcircuit.runtime.host.StatsLayout}), so a live view can attach to it
     * directly; empty for blocks without a process.
     */
    default Optional<String> statsSegment(String blockId) {
        return Optional.empty();
    }

    /** The wire carrying output {@code "block.port"}, if that output has one. */
    default Optional<WireInfo> wire(String sourcePort) {
        return wires().stream().filter(w -> w.wire().equals(sourcePort)).findFirst();
    }

    /**
     * The file holding every log line of a block (the in-memory ring keeps only the recent ones);
     * empty once the run's folder was removed.
     */
    default Optional<Path> logFile(String blockId) {
        return Optional.empty();
    }

    /** A snapshot of the block's recent log lines, oldest first (a bounded ring). */
    List<LogLine> log(String blockId);

    void addListener(RunListener listener);

    void removeListener(RunListener listener);

    /**
     * Writes a value to the output wire of a block without a process (slider, switch, button,
     * constant). {@code value} is a Double, Boolean or String matching the port type.
     */
    void write(String blockId, String port, Object value);

    /** Applies a parameter change to the running block without restarting it. */
    void setParameter(String blockId, String name, Object value);

    /** Stops the block's process, if any, and starts it again with the same wires. */
    void restartBlock(String blockId);

    /**
     * Asks each block to stop cooperatively, then SIGTERM, then SIGKILL after a grace period, and
     * removes every segment. Blocks until done. Calling it again does nothing.
     */
    void stop();

    boolean isRunning();

    @Override
    default void close() {
        stop();
    }
}
