package io.visualcircuit.app.live;

import io.visualcircuit.app.canvas.CanvasOverlay;
import io.visualcircuit.app.canvas.CircuitCanvas;
import io.visualcircuit.app.canvas.CircuitGeometry;
import io.visualcircuit.app.document.Document;
import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.app.document.commands.Disconnect;
import io.visualcircuit.app.document.commands.SetParameter;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.Run;
import io.visualcircuit.runtime.run.RunOptions;
import io.visualcircuit.runtime.run.WireInfo;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End-to-end: real runs (block processes, shared-memory wires) shown on the real circuit canvas
 * with the live overlay, probes and console, driven headless.
 */
@ExtendWith(ApplicationExtension.class)
class LiveRunUiTest {
    private static final Catalog CATALOG = Catalog.standard();
    private CircuitCanvas canvas;
    private ConsoleDock console;
    private ProbePanel probes;
    private Document document;
    private RunController controller;
    private Stage stage;
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> openedCode = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        this.stage = stage;
        canvas = new CircuitCanvas(CATALOG);
        console = new ConsoleDock();
        probes = new ProbePanel(null);
        document = new Document();
        controller = new RunController(document, CATALOG,
                (c, events) -> CircuitRunner.start(c, RunOptions.defaults().withStopGrace(Duration.ofSeconds(2))
                        .withListener(events)),
                new RunController.Host() {
                    @Override
                    public void setOverlay(CanvasOverlay overlay) {
                        canvas.setOverlay(overlay);
                    }

                    @Override
                    public void repaint() {
                        canvas.markDirty();
                    }

                    @Override
                    public void showRunProblems(String message, List<Problem> list) {
                        problems.add(message);
                        list.forEach(p -> problems.add(p.message()));
                    }

                    @Override
                    public void openCode(String blockId, int line) {
                        openedCode.add(blockId + ":" + line);
                    }

                    @Override
                    public Window window() {
                        return stage;
                    }
                }, console, probes);
        controller.installBlockMenu(canvas);
        stage.setScene(new Scene(new BorderPane(canvas, null, probes, console, null), 1000, 700));
        stage.show();
    }

    /**
     * How long a condition may take on a loaded machine (block processes start, values flow). A
     * deadline, not a sleep: the wait ends as soon as the condition holds.
     */
    private static final int SETTLE_SECONDS = 30;
    /** Starting waits for every block to be ready, which the runtime bounds at 60 s. */
    private static final int START_SECONDS = 90;

    @AfterEach
    void stopRun(FxRobot robot) {
        robot.interact(controller::stop);
        await(() -> controller.phase() == RunController.Phase.IDLE, SETTLE_SECONDS);
    }

    private void open(FxRobot robot, Circuit c) {
        robot.interact(() -> {
            document.replaceAll(c, null);
            canvas.setCircuit(c);
        });
    }

    private void runAndWait(FxRobot robot) {
        robot.interact(() -> assertTrue(controller.start(), "run refused: " + problems));
        await(() -> controller.phase() != RunController.Phase.STARTING, START_SECONDS);
        assertEquals(RunController.Phase.RUNNING, controller.phase(), "the run did not start: " + problems);
    }

    private static void await(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    private String onFx(Callable<String> c) {
        return fx(c);
    }

    private static <T> T fx(Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    private static Block block(String id, String type, double x, double y, Map<String, Object> params) {
        return new Block(id, type, null, x, y, params, null, null, null, null);
    }

    private static Wire wire(String from, String to) {
        return new Wire(PortRef.parse(from), PortRef.parse(to));
    }

    private static Circuit sineToDisplay() {
        return new Circuit("sine", null, List.of(
                block("wave", "sine", 40, 100, Map.of("frequency", 2.0)),
                block("show", "display", 400, 100, Map.of())),
                List.of(wire("wave.out", "show.in")), List.of());
    }

    @Test
    void shouldShowAChangingValueInADisplayBlockWhileRunning(FxRobot robot) {
        open(robot, sineToDisplay());
        runAndWait(robot);
        await(() -> !onFx(() -> controller.overlay().displayText("show")).isEmpty(), SETTLE_SECONDS);
        String first = onFx(() -> controller.overlay().displayText("show"));
        await(() -> !onFx(() -> controller.overlay().displayText("show")).equals(first), SETTLE_SECONDS);
        String label = onFx(() -> controller.overlay().wireLabel("wave.out"));
        assertFalse(label.isEmpty());
        // The block's figures come from its own statistics, published on their own schedule.
        await(() -> onFx(() -> controller.overlay().healthText("wave")).contains("Hz"), SETTLE_SECONDS);
    }

    @Test
    void shouldMakeTheDownstreamDisplayFollowASliderMovedWithTheMouse(FxRobot robot) {
        open(robot, new Circuit("slider", null, List.of(
                block("speed", "slider", 40, 100, Map.of("min", 0.0, "max", 10.0, "value", 1.0)),
                new Block("twice", "gain", null, 300, 100, Map.of("k", 2.0), 100.0, null, null, null),
                block("show", "display", 560, 100, Map.of())),
                List.of(wire("speed.out", "twice.in"), wire("twice.out", "show.in")), List.of()));
        runAndWait(robot);
        await(() -> "2".equals(onFx(() -> controller.overlay().displayText("show"))), SETTLE_SECONDS);
        // The slider's body as the canvas last painted it with the live overlay.
        await(() -> fx(() -> controller.overlay().blockRect("speed")) != null, SETTLE_SECONDS);
        double[] r = fx(() -> controller.overlay().blockRect("speed"));
        // The slider track runs from 10 units inside the body's left edge to 10 inside its right edge.
        Point2D from = fx(() -> canvas.worldToScreen(r[0] + 10 + 0.1 * (r[2] - 20), r[1] + r[3] - 14));
        // Dragged past the right end of the track: the slider stops at its maximum (no pixel rounding).
        Point2D to = fx(() -> canvas.worldToScreen(r[0] + r[2] - 4, r[1] + r[3] - 14));
        robot.moveTo(from).press(MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        await(() -> "20".equals(onFx(() -> controller.overlay().displayText("show"))), SETTLE_SECONDS);
        assertEquals(new LiveValue.Number(10), controller.sampler().latest().wire("speed.out").value());
    }

    @Test
    void shouldShowAPythonBlockThatRaisesInRedWithItsTracebackInTheConsole(FxRobot robot) {
        Block bad = new Block("oops", "python", null, 40, 100, Map.of(), 10.0, List.of(),
                List.of(new PortSpec("Out", io.visualcircuit.runtime.circuit.Direction.OUT, PortType.NUMBER)),
                "def step(inputs, outputs, parameters):\n    x = 1 / 0\n    outputs.share_number(\"Out\", x)\n"
                        + "print('loading oops')\n");
        open(robot, new Circuit("crash", null, List.of(bad, block("show", "display", 400, 100, Map.of())),
                List.of(wire("oops.Out", "show.in")), List.of()));
        runAndWait(robot);
        await(() -> onFx(() -> controller.overlay().healthText("oops")).startsWith("crashed"), SETTLE_SECONDS);
        assertTrue(onFx(() -> controller.overlay().healthText("oops")).startsWith("crashed (exit "),
                "exit code shown");
        // Printed before the block crashed, maybe before the run finished starting: never missed.
        await(() -> fx(() -> console.visibleLines().stream().anyMatch(l -> l.text().equals("loading oops"))),
                SETTLE_SECONDS);
        await(() -> fx(() -> console.visibleLines().stream()
                .anyMatch(l -> l.text().contains("ZeroDivisionError") && ConsoleDock.isError(l))), SETTLE_SECONDS);
        await(() -> fx(() -> tracebackLine("oops", 2) != null), SETTLE_SECONDS);
        // Stopped, the console takes no more lines, so nothing scrolls between aiming and clicking.
        robot.interact(controller::stop);
        await(() -> controller.phase() == RunController.Phase.IDLE, SETTLE_SECONDS);
        robot.interact(() -> console.reveal(tracebackLine("oops", 2)));
        await(() -> fx(() -> shownInConsole("#traceback-oops-2")) != null, SETTLE_SECONDS);
        robot.clickOn(fx(() -> shownInConsole("#traceback-oops-2")));
        assertEquals(List.of("oops:2"), openedCode);
    }

    /** The console line with a traceback frame of the block's code at that line, or null. FX thread. */
    private LogLine tracebackLine(String blockId, int line) {
        for (LogLine l : console.visibleLines()) {
            java.util.regex.Matcher m = ConsoleDock.TRACEBACK_FRAME.matcher(l.text());
            if (l.blockId().equals(blockId) && m.find() && Integer.parseInt(m.group(2)) == line) {
                return l;
            }
        }
        return null;
    }

    /**
     * Where to click the console's node matching {@code query} so the click lands on it, or null
     * while no such node is shown: it and every parent must be visible (the list keeps spare cells
     * hidden, with their old content) and its whole height inside the list's viewport (a cell
     * scrolled half out is still "visible", but its middle is not on screen). The point is the
     * middle of the part of the node inside the viewport. FX thread.
     */
    private Point2D shownInConsole(String query) {
        // The list's cells sit in a container clipped to the viewport: the clip is what is seen.
        Node cells = console.lookup("#consoleList").lookup(".clipped-container");
        if (cells == null || cells.getClip() == null) {
            return null;
        }
        Bounds view = cells.localToScreen(cells.getClip().getBoundsInParent());
        for (Node n : console.lookupAll(query)) {
            boolean visible = true;
            for (Node p = n; p != null; p = p.getParent()) {
                visible &= p.isVisible();
            }
            Bounds b = n.localToScreen(n.getBoundsInLocal());
            if (visible && b != null && b.getMinY() >= view.getMinY() && b.getMaxY() <= view.getMaxY()) {
                double left = Math.max(b.getMinX(), view.getMinX());
                double right = Math.min(b.getMaxX(), view.getMaxX());
                if (right - left > 4) {
                    return new Point2D((left + right) / 2, (b.getMinY() + b.getMaxY()) / 2);
                }
            }
        }
        return null;
    }

    @Test
    void shouldPinAProbeShowingTheValueWhenAWireIsClicked(FxRobot robot) {
        open(robot, sineToDisplay());
        runAndWait(robot);
        await(() -> controller.sampler().latest().wire("wave.out") != null
                && controller.sampler().latest().wire("wave.out").sequence() > 0, SETTLE_SECONDS);
        Point2D mid = fx(() -> {
            CircuitGeometry.WireGeometry w = canvas.geometry().wires().get(0);
            // Both ends at the same height: the curve's midpoint is the middle of the ends.
            return canvas.worldToScreen((w.x1(0) + w.x2(0)) / 2 + 30, (w.y1(0) + w.y2(0)) / 2);
        });
        robot.clickOn(mid);
        assertEquals(List.of("wave.out"), probes.pinned());
        await(() -> {
            String v = robot.lookup("#probeValue-wave_out").queryAs(Label.class).getText();
            try {
                Double.parseDouble(v);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }, SETTLE_SECONDS);
        String stats = robot.lookup("#probeStats-wave_out").queryAs(Label.class).getText();
        assertTrue(stats.matches("\\d+/s · seq \\d+.*"), stats);
    }

    @Test
    void shouldRestartOneBlockFromItsContextMenu(FxRobot robot) {
        open(robot, sineToDisplay());
        runAndWait(robot);
        Run run = controller.run();
        await(() -> run.state("wave").state() == BlockState.RUNNING && run.state("wave").pid() > 0, SETTLE_SECONDS);
        long before = run.state("wave").pid();
        Point2D title = fx(() -> canvas.blockScreenPoint("wave"));
        robot.rightClickOn(title);
        robot.clickOn("Restart block wave");
        await(() -> run.state("wave").state() == BlockState.RUNNING && run.state("wave").pid() > 0
                && run.state("wave").pid() != before, START_SECONDS);
        assertFalse(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false), "the old process ended");
    }

    @Test
    void shouldWriteTrueWhileAButtonIsHeldWithTheMouseAndFalseWhenReleased(FxRobot robot) {
        // The sine keeps a block process running, so the run stays up around the button and lamp.
        open(robot, new Circuit("button", null, List.of(
                block("push", "button", 40, 100, Map.of()),
                block("light", "lamp", 400, 100, Map.of()),
                block("wave", "sine", 40, 300, Map.of()),
                block("show", "display", 400, 300, Map.of())),
                List.of(wire("push.out", "light.in"), wire("wave.out", "show.in")), List.of()));
        runAndWait(robot);
        await(() -> fx(() -> controller.overlay().blockRect("push")) != null, SETTLE_SECONDS);
        // The run writes a button's resting value, false, when it starts.
        await(() -> new LiveValue.Bool(false).equals(wireValue("push.out")), SETTLE_SECONDS);
        double[] r = fx(() -> controller.overlay().blockRect("push"));
        // The button face is drawn centred in the lower part of the body.
        Point2D face = fx(() -> canvas.worldToScreen(r[0] + r[2] / 2, r[1] + r[3] - 15));
        robot.moveTo(face).press(MouseButton.PRIMARY);
        await(() -> new LiveValue.Bool(true).equals(wireValue("push.out")), SETTLE_SECONDS);
        await(() -> "true".equals(onFx(() -> controller.overlay().displayText("light"))), SETTLE_SECONDS);
        long pressed = controller.sampler().latest().wire("push.out").sequence();
        robot.release(MouseButton.PRIMARY);
        // A new false, written by the release (not the resting value seen before the press).
        await(() -> new LiveValue.Bool(false).equals(wireValue("push.out"))
                && controller.sampler().latest().wire("push.out").sequence() > pressed, SETTLE_SECONDS);
        await(() -> "false".equals(onFx(() -> controller.overlay().displayText("light"))), SETTLE_SECONDS);
        Block after = fx(() -> document.circuit().block("push").orElseThrow());
        assertEquals(List.of(40.0, 100.0), List.of(after.x(), after.y()), "pressing the face does not move the block");
    }

    /** The newest sampled value of a wire, or null before its first value. */
    private LiveValue wireValue(String key) {
        var w = controller.sampler().latest().wire(key);
        return w == null ? null : w.value();
    }

    @Test
    void shouldShowACrashedBlocksLogWhenTheBlockIsClicked(FxRobot robot) {
        Block bad = new Block("oops", "python", null, 40, 100, Map.of(), 10.0, List.of(),
                List.of(new PortSpec("Out", io.visualcircuit.runtime.circuit.Direction.OUT, PortType.NUMBER)),
                "def step(inputs, outputs, parameters):\n    x = 1 / 0\n    outputs.share_number(\"Out\", x)\n");
        // A healthy sine beside it: the run goes on, and the console holds lines of other blocks too.
        open(robot, new Circuit("crash", null, List.of(bad, block("show", "display", 400, 100, Map.of()),
                block("wave", "sine", 40, 300, Map.of()), block("level", "display", 400, 300, Map.of())),
                List.of(wire("oops.Out", "show.in"), wire("wave.out", "level.in")), List.of()));
        runAndWait(robot);
        await(() -> onFx(() -> controller.overlay().healthText("oops")).startsWith("crashed"), SETTLE_SECONDS);
        await(() -> fx(() -> console.visibleLines().stream().anyMatch(l -> l.text().contains("ZeroDivisionError"))),
                SETTLE_SECONDS);
        assertEquals("All blocks", fx(() -> consoleFilter().getValue()));
        robot.clickOn(fx(() -> canvas.blockScreenPoint("oops")));
        assertEquals("oops", fx(() -> consoleFilter().getValue()), "the console shows the crashed block's log");
        assertTrue(fx(() -> console.visibleLines().stream().allMatch(l -> l.blockId().equals("oops"))));
        assertTrue(fx(() -> console.visibleLines().stream()
                .anyMatch(l -> l.text().contains("ZeroDivisionError") && ConsoleDock.isError(l))));
        assertTrue(fx(() -> tracebackLine("oops", 2)) != null, "the traceback points at the block's line 2");
    }

    @SuppressWarnings("unchecked")
    private javafx.scene.control.ComboBox<String> consoleFilter() {
        return (javafx.scene.control.ComboBox<String>) console.lookup("#consoleFilter");
    }

    @Test
    void shouldApplyParameterEditsLiveAndRefuseStructuralEditsWhileRunning(FxRobot robot) {
        open(robot, sineToDisplay());
        runAndWait(robot);
        robot.interact(() -> {
            try {
                document.execute(new SetParameter(CATALOG, "wave", "amplitude", 0.0));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        await(() -> "0".equals(onFx(() -> controller.overlay().displayText("show"))), SETTLE_SECONDS);
        String refusal = fx(() -> {
            try {
                document.execute(new Disconnect(PortRef.parse("wave.out"), PortRef.parse("show.in")));
                return "accepted";
            } catch (CommandRefusedException e) {
                return e.getMessage();
            }
        });
        assertEquals(RunController.STRUCTURE_LOCK, refusal);
        assertEquals(1, fx(() -> document.circuit().wires().size()), "the wire is still there");
    }

    @Test
    void shouldRefuseToRunAnInvalidCircuitListingItsProblems(FxRobot robot) {
        open(robot, new Circuit("bad", null, List.of(block("x", "no-such-type", 0, 0, Map.of())), List.of(), List.of()));
        robot.interact(() -> assertFalse(controller.start()));
        assertTrue(problems.get(0).startsWith("Cannot run"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no-such-type")), problems.toString());
        assertEquals(RunController.Phase.IDLE, controller.phase());
    }

    @Test
    void shouldLeaveNoProcessAndNoSegmentAfterStop(FxRobot robot) throws Exception {
        open(robot, sineToDisplay());
        runAndWait(robot);
        Run run = controller.run();
        await(() -> run.states().values().stream().allMatch(s -> s.state() == BlockState.RUNNING), SETTLE_SECONDS);
        List<Long> pids = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            if (s.pid() > 0) {
                pids.add(s.pid());
            }
        }
        assertFalse(pids.isEmpty(), "the sine block runs as a process");
        List<String> segments = run.wires().stream().map(WireInfo::segment).toList();
        String runPrefix = segments.get(0).substring(0, segments.get(0).lastIndexOf('-') + 1);
        assertTrue(Files.exists(Path.of("/dev/shm", segments.get(0))));
        robot.interact(controller::stop);
        await(() -> controller.phase() == RunController.Phase.IDLE, SETTLE_SECONDS);
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " still alive");
        }
        try (var shm = Files.list(Path.of("/dev/shm"))) {
            List<String> left = shm.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(runPrefix)).toList();
            assertEquals(List.of(), left, "segments of the run left in /dev/shm");
        }
        assertNotEquals(RunController.STRUCTURE_LOCK, document.structureLock().orElse(null), "editing unlocked");
        assertEquals(null, canvas.overlay());
    }
}
