package io.visualcircuit.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.app.editor.EditorExtension;
import io.visualcircuit.app.editor.EditorSettings;
import io.visualcircuit.app.editor.EditorWindow;
import javafx.scene.control.Tab;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live view inside the real editor window, attached the way the application attaches it. */
@ExtendWith(ApplicationExtension.class)
class LiveEditorUiTest {
    private EditorWindow window;

    @Start
    void start(Stage stage) {
        window = new EditorWindow(stage, new EditorSettings(EditorSettings.defaultDirectory()));
        for (EditorExtension ext : ServiceLoader.load(EditorExtension.class)) {
            ext.attach(window);
        }
        stage.show();
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    private static void await(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    @Test
    void shouldRunTheHelloSineSampleFromTheToolbarRecordItAndStop(FxRobot robot, @TempDir Path dir) throws Exception {
        RunController controller = fx(() -> LiveExtension.controllerOf(window));
        assertNotNull(controller, "the live view attached itself through the service loader");
        Path sample = Path.of("..", "sample-circuits", "hello-sine.json");
        robot.interact(() -> assertTrue(window.load(sample)));
        robot.clickOn("#runButton");
        // Start-up waits for every block to be ready, which the runtime bounds at 60 s.
        await(() -> controller.phase() != RunController.Phase.STARTING, 90);
        assertEquals(RunController.Phase.RUNNING, controller.phase(), "the run did not start");
        Tab selected = fx(() -> window.consoleArea().getSelectionModel().getSelectedItem());
        assertEquals("runTab", selected.getId());
        // The display shows the doubled sine: a number, and it changes.
        await(() -> !fx(() -> controller.overlay().displayText("show")).isEmpty(), 30);
        String first = fx(() -> controller.overlay().displayText("show"));
        Double.parseDouble(first);
        await(() -> !fx(() -> controller.overlay().displayText("show")).equals(first), 30);

        Path trace = dir.resolve("trace.jsonl");
        robot.interact(() -> LiveExtension.record(window, controller, trace));
        assertTrue(fx(() -> window.runControls().recordingProperty().get()));
        await(() -> Files.size(trace) > 200, 30);
        robot.interact(controller::stopRecording);
        List<JsonNode> lines = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String l : Files.readAllLines(trace)) {
            lines.add(json.readTree(l));
        }
        assertTrue(lines.stream().anyMatch(n -> n.get("wire").asText().equals("wave.out")
                && n.get("value").isNumber() && n.get("seq").asLong() > 0 && n.has("t")), "the sine's values are recorded");
        assertTrue(lines.stream().anyMatch(n -> n.get("wire").asText().equals("twice.Out")));

        robot.clickOn("#stopButton");
        await(() -> controller.phase() == RunController.Phase.IDLE, 30);
        assertTrue(fx(() -> window.runControls().runEnabledProperty().get()), "Run is enabled again");
    }
}
