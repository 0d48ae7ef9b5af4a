package io.visualcircuit.app.live;

import io.visualcircuit.app.canvas.BlockGeometry;
import io.visualcircuit.app.canvas.CanvasOverlay;
import io.visualcircuit.app.canvas.CircuitCanvas;
import io.visualcircuit.app.document.Document;
import io.visualcircuit.app.document.DocumentListener;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.cli.WireTrace;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.Run;
import io.visualcircuit.runtime.run.RunListener;
import io.visualcircuit.runtime.run.WireInfo;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Run, Stop, Restart and Record for one editor window. Run validates the document and refuses with
 * the problems listed; while running, parameter edits are applied to the running blocks and
 * structural edits are refused through the document's structure lock; Stop ends every block
 * process and removes every segment.
 *
 * <p>Threading: every public method is FX-thread only. Starting and stopping a run block (block
 * processes start and are waited for), so they happen on a background thread ("vc-run-control")
 * and report back with {@link Platform#runLater}. Run events reach the FX thread only through the
 * console queue and the sampler's frames, drained once per pulse by a {@link LivePulse}.
 */
public final class RunController {
    /** The message shown when a structural edit is attempted while a circuit runs. */
    public static final String STRUCTURE_LOCK = "The circuit is running: stop it to add, remove or rewire blocks";
    /** Display sampling rate. */
    public static final double SAMPLE_HZ = 30;

    /**
     * Starts a run of a circuit: the runtime's {@code CircuitRunner.start} with the editor's options
     * and {@code RunOptions.withListener(listener)}, so the listener hears every log line and state
     * change from the very first one (a block may print, or crash, before start returns).
     */
    @FunctionalInterface
    public interface Starter {
        Run start(Circuit circuit, RunListener listener) throws Exception;
    }

    /** What the controller needs from the editor window. All calls happen on the FX thread. */
    public interface Host {
        /** Installs the overlay on the canvas (null removes it). */
        void setOverlay(CanvasOverlay overlay);

        /** Asks the canvas to repaint on the next pulse. */
        void repaint();

        /** Shows why Run was refused or why the run failed (problems may be empty). */
        void showRunProblems(String message, List<Problem> problems);

        /** Opens a code block's editor at a line (from a clickable traceback). */
        void openCode(String blockId, int line);

        /** The window that owns scope windows. */
        Window window();
    }

    /** Where the controller is in a run's life. */
    public enum Phase { IDLE, STARTING, RUNNING, STOPPING }

    private final Document document;
    private final Catalog catalog;
    private final Starter starter;
    private final Host host;
    private final ConsoleDock console;
    private final ProbePanel probes;
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.IDLE);
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);
    private final DocumentListener paramForwarder = d -> forwardParameterEdits();
    private Run run;
    /** The listener of the current run, to tell its "run ended" from a previous run's. */
    private RunListener runEvents;
    private LiveSampler sampler;
    private LiveOverlay overlay;
    private LivePulse pulse;
    private ScopeWindow scope;
    private WireTrace recorder;
    private Circuit applied;
    private boolean restartAfterStop;

    public RunController(Document document, Catalog catalog, Starter starter, Host host, ConsoleDock console,
                         ProbePanel probes) {
        this.document = Objects.requireNonNull(document);
        this.catalog = Objects.requireNonNull(catalog);
        this.starter = Objects.requireNonNull(starter);
        this.host = Objects.requireNonNull(host);
        this.console = Objects.requireNonNull(console);
        this.probes = Objects.requireNonNull(probes);
        console.setOnOpenCode(host::openCode);
        console.setOnRestartBlock(this::restartBlock);
        probes.setOnAddToScope(this::addToScope);
        document.addListener(paramForwarder);
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    /** The current run, or null. */
    public Run run() {
        return run;
    }

    public LiveSampler sampler() {
        return sampler;
    }

    public LiveOverlay overlay() {
        return overlay;
    }

    public ScopeWindow scope() {
        return scope;
    }

    public boolean isRecording() {
        return recorder != null;
    }

    /**
     * Run (F5): validates, then starts the circuit in the background. Returns false (and tells the
     * host why) when the circuit has errors or a run is already under way.
     */
    public boolean start() {
        if (phase.get() != Phase.IDLE) {
            return false;
        }
        Circuit circuit = document.circuit();
        List<Problem> errors = Validator.validate(circuit, catalog).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            host.showRunProblems("Cannot run: the circuit has " + errors.size()
                    + (errors.size() == 1 ? " problem" : " problems"), errors);
            return false;
        }
        if (circuit.blocks().isEmpty()) {
            host.showRunProblems("Cannot run: the circuit is empty", List.of());
            return false;
        }
        phase.set(Phase.STARTING);
        document.setStructureLock(STRUCTURE_LOCK);
        console.clear();
        RunListener events = runListener();
        background(() -> {
            Run started;
            try {
                started = starter.start(circuit, events);
            } catch (Exception e) {
                // One status-bar line: the runtime lists several problems on separate lines.
                String why = e.getMessage() == null ? e.getClass().getSimpleName()
                        : e.getMessage().strip().replaceAll("\\s*\\n\\s*", "; ");
                Platform.runLater(() -> {
                    // What the blocks printed before the start failed often says why: show it.
                    console.drain();
                    document.setStructureLock(null);
                    phase.set(Phase.IDLE);
                    host.showRunProblems("Cannot run: " + why, List.of());
                });
                return;
            }
            Platform.runLater(() -> attach(started, circuit, events));
        });
        return true;
    }

    /**
     * The listener of one run, given to the runtime before any block starts: log lines go to the
     * console queue (drained once per pulse), and the run ending on its own stops the controller.
     * Called on the runtime's threads; it only queues work.
     */
    private RunListener runListener() {
        RunListener console = this.console.listener();
        return new RunListener() {
            @Override
            public void logLine(LogLine line) {
                console.logLine(line);
            }

            @Override
            public void runEnded() {
                RunListener self = this;
                Platform.runLater(() -> {
                    if (runEvents == self && phase.get() == Phase.RUNNING) {
                        stop();
                    }
                });
            }
        };
    }

    private void attach(Run started, Circuit circuit, RunListener events) {
        run = started;
        runEvents = events;
        applied = circuit;
        sampler = new LiveSampler(started.wires(), IpcWireSource::open, BlockSource.of(started), SAMPLE_HZ);
        overlay = new LiveOverlay(started.circuit(), sampler, started::write);
        overlay.setOnProbe(probes::pin);
        overlay.setOnOpenLog(console::showBlock);
        probes.attach(sampler);
        pulse = new LivePulse(sampler::latest);
        pulse.addView(f -> {
            overlay.setFrame(f);
            host.repaint();
        });
        pulse.addView(probes::update);
        pulse.addView(f -> {
            if (scope != null) {
                scope.update(f);
            }
        });
        pulse.addTask(console::drain);
        host.setOverlay(overlay);
        sampler.start();
        pulse.start();
        phase.set(Phase.RUNNING);
        // An edit made while the processes were starting is applied now.
        forwardParameterEdits();
    }

    /** Stop (Shift+F5): ends the run; no process and no segment stays behind. */
    public void stop() {
        if (phase.get() != Phase.RUNNING) {
            return;
        }
        phase.set(Phase.STOPPING);
        Run ending = run;
        stopRecording();
        pulse.stop();
        console.drain();
        sampler.close();
        overlay.setLive(false);
        host.setOverlay(null);
        host.repaint();
        background(() -> {
            try {
                ending.stop();
            } finally {
                Platform.runLater(() -> {
                    console.drain();
                    run = null;
                    runEvents = null;
                    document.setStructureLock(null);
                    phase.set(Phase.IDLE);
                    if (restartAfterStop) {
                        restartAfterStop = false;
                        start();
                    }
                });
            }
        });
    }

    /** Restart: stops the run and starts the (current) circuit again. */
    public void restart() {
        if (phase.get() == Phase.RUNNING) {
            restartAfterStop = true;
            stop();
        } else if (phase.get() == Phase.IDLE) {
            start();
        }
    }

    /** Restarts one block's process (console and block context menus). */
    public void restartBlock(String blockId) {
        Run r = run;
        if (r != null && phase.get() == Phase.RUNNING) {
            background(() -> r.restartBlock(blockId));
        }
    }

    /**
     * Record: writes every new value of every wire to {@code file} as JSON lines, with the same
     * writer as {@code vcircuit run --trace}, until {@link #stopRecording()} or Stop. Times are
     * seconds since recording started.
     */
    public void startRecording(Path file) throws IOException {
        if (run == null || recorder != null) {
            return;
        }
        Instant now = Instant.now();
        WireTrace trace = new WireTrace(file, now.getEpochSecond() * 1_000_000_000L + now.getNano());
        trace.follow(run.wires());
        recorder = trace;
        recording.set(true);
    }

    /** Stops recording; the file is complete when this returns. Any problem writing it is reported. */
    public void stopRecording() {
        if (recorder != null) {
            WireTrace r = recorder;
            recorder = null;
            recording.set(false);
            try {
                r.close();
            } catch (IOException e) {
                host.showRunProblems("The recording could not be written completely: " + e.getMessage(), List.of());
            }
        }
    }

    /** True while Record is on. */
    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** Adds a wire to the run's scope window, opening it if needed. */
    public void addToScope(String wireKey) {
        if (sampler == null) {
            return;
        }
        if (scope == null || scope.sampler() != sampler) {
            scope = new ScopeWindow(sampler, host.window());
        }
        scope.add(wireKey);
        scope.stage().show();
        scope.stage().toFront();
    }

    /** Sends parameter values that changed in the document to the running blocks. */
    private void forwardParameterEdits() {
        if (run == null || phase.get() != Phase.RUNNING) {
            return;
        }
        Circuit now = document.circuit();
        if (now == applied) {
            return;
        }
        for (Block b : now.blocks()) {
            Block before = applied.block(b.id()).orElse(null);
            if (before == null || before.params().equals(b.params())) {
                continue;
            }
            for (Map.Entry<String, Object> e : b.params().entrySet()) {
                if (!Objects.equals(before.params().get(e.getKey()), e.getValue())) {
                    Run r = run;
                    String id = b.id();
                    String name = e.getKey();
                    Object value = e.getValue();
                    background(() -> r.setParameter(id, name, value));
                }
            }
        }
        applied = now;
    }

    /**
     * Gives the canvas a block context menu while running: restart the block's process, show its
     * log, probe its outputs. The menu only appears during a run; otherwise the event is left alone.
     */
    public void installBlockMenu(CircuitCanvas canvas) {
        // A secondary-button press (not CONTEXT_MENU_REQUESTED, which headless platforms do not send).
        canvas.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (phase.get() != Phase.RUNNING || e.getButton() != MouseButton.SECONDARY) {
                return;
            }
            Point2D w = canvas.screenToWorld(e.getScreenX(), e.getScreenY());
            BlockGeometry b = canvas.blockAt(w.getX(), w.getY());
            if (b == null) {
                return;
            }
            blockMenu(b.id()).show(canvas, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The context menu of a block in the running circuit. */
    ContextMenu blockMenu(String blockId) {
        BlockStatus st = run.state(blockId);
        MenuItem restart = new MenuItem("Restart block " + blockId);
        restart.setId("menuRestartBlock");
        restart.setDisable(st == null || st.pid() < 0 && st.state() == BlockState.RUNNING);
        restart.setOnAction(e -> restartBlock(blockId));
        MenuItem log = new MenuItem("Show log");
        log.setId("menuShowLog");
        log.setOnAction(e -> console.showBlock(blockId));
        ContextMenu menu = new ContextMenu(restart, log);
        for (WireInfo w : run.wires()) {
            if (w.wire().startsWith(blockId + ".") && w.wire().indexOf('.', blockId.length() + 1) < 0) {
                MenuItem probe = new MenuItem("Probe " + w.wire());
                probe.setOnAction(e -> probes.pin(w.wire()));
                menu.getItems().add(probe);
            }
        }
        return menu;
    }

    /** Stops everything (window closing). */
    public void dispose() {
        document.removeListener(paramForwarder);
        if (phase.get() == Phase.RUNNING) {
            stop();
        }
    }

    private static void background(Runnable r) {
        Thread t = new Thread(() -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                System.err.println("VisualCircuit: " + e.getMessage());
            }
        }, "vc-run-control");
        t.setDaemon(true);
        t.start();
    }
}
