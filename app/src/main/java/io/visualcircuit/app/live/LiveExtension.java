package io.visualcircuit.app.live;

import io.visualcircuit.app.canvas.CanvasOverlay;
import io.visualcircuit.app.editor.EditorExtension;
import io.visualcircuit.app.editor.EditorWindow;
import io.visualcircuit.app.editor.RunControls;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.RunOptions;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Attaches the live view to every editor window: Run/Stop/Restart/Record actions, the "Run" tab in
 * the console area (log console beside the probes), and the canvas overlay while a circuit runs.
 * Found through {@link java.util.ServiceLoader} (see {@code META-INF/services}).
 *
 * <p>Threading: {@link #attach} runs on the FX thread; everything it installs runs there too, with
 * the background work described in {@link RunController}.
 */
public final class LiveExtension implements EditorExtension {

    @Override
    public void attach(EditorWindow window) {
        ConsoleDock console = new ConsoleDock();
        ProbePanel probes = new ProbePanel(null);
        SplitPane split = new SplitPane(console, probes);
        split.setDividerPositions(0.68);
        Tab tab = new Tab("Run", split);
        tab.setId("runTab");
        tab.setClosable(false);
        window.consoleArea().getTabs().add(tab);
        console.setOnReveal(() -> window.consoleArea().getSelectionModel().select(tab));

        RunController controller = new RunController(window.document(), window.catalog(),
                (c, events) -> CircuitRunner.start(c, RunOptions.defaults().withListener(events)), new RunController.Host() {
                    @Override
                    public void setOverlay(CanvasOverlay overlay) {
                        window.canvas().setOverlay(overlay);
                    }

                    @Override
                    public void repaint() {
                        window.canvas().markDirty();
                    }

                    @Override
                    public void showRunProblems(String message, List<Problem> problems) {
                        window.showMessage(problems.isEmpty() ? message : message + ": " + problems.get(0).message(), true);
                        if (!problems.isEmpty()) {
                            // The Problems tab (first) lists every one of them.
                            window.consoleArea().getSelectionModel().select(0);
                        }
                    }

                    @Override
                    public void openCode(String blockId, int line) {
                        window.openCode(blockId, line);
                    }

                    @Override
                    public Window window() {
                        return window.stage();
                    }
                }, console, probes);
        window.stage().getProperties().put(RunController.class, controller);
        controller.installBlockMenu(window.canvas());

        RunControls rc = window.runControls();
        rc.setOnRun(() -> {
            if (controller.start()) {
                window.consoleArea().getSelectionModel().select(tab);
            }
        });
        rc.setOnStop(controller::stop);
        rc.setOnRestart(controller::restart);
        rc.setOnRecord(() -> toggleRecording(window, controller));
        controller.phaseProperty().addListener((o, a, phase) -> updateControls(rc, controller));
        controller.recordingProperty().addListener((o, a, on) -> rc.recordingProperty().set(on));
        updateControls(rc, controller);
        probes.setOnAddToScope(controller::addToScope);
        window.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> controller.dispose());
    }

    /** The live view's controller of a window opened with this extension, or null. */
    public static RunController controllerOf(EditorWindow window) {
        return (RunController) window.stage().getProperties().get(RunController.class);
    }

    private static void updateControls(RunControls rc, RunController c) {
        RunController.Phase p = c.phase();
        rc.runEnabledProperty().set(p == RunController.Phase.IDLE);
        rc.stopEnabledProperty().set(p == RunController.Phase.RUNNING);
        rc.restartEnabledProperty().set(p == RunController.Phase.RUNNING);
        rc.recordEnabledProperty().set(p == RunController.Phase.RUNNING);
        rc.recordingProperty().set(c.isRecording());
    }

    private static void toggleRecording(EditorWindow window, RunController c) {
        if (c.isRecording()) {
            c.stopRecording();
            window.showMessage("Recording saved", false);
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Record every wire to a trace file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON lines trace", "*.jsonl"));
        fc.setInitialFileName("trace.jsonl");
        File f = fc.showSaveDialog(window.stage());
        if (f == null) {
            window.runControls().recordingProperty().set(false);
            return;
        }
        record(window, c, f.toPath());
    }

    static void record(EditorWindow window, RunController c, Path file) {
        try {
            c.startRecording(file);
            window.showMessage("Recording every wire to " + file.getFileName(), false);
        } catch (IOException e) {
            window.runControls().recordingProperty().set(false);
            window.showMessage("Cannot record to " + file + ": " + e.getMessage(), true);
        }
    }
}
