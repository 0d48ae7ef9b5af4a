package io.visualcircuit.app.live;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.WireInfo;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.PickResult;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The live views driven headless with in-memory wires (the end-to-end tests use real runs). */
@ExtendWith(ApplicationExtension.class)
class LiveViewsUiTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FakeWire wave = new FakeWire();
    private final FakeWire flag = new FakeWire();
    private LiveSampler sampler;
    private ConsoleDock console;
    private ProbePanel probes;
    private final List<String> opened = new ArrayList<>();

    @Start
    void start(Stage stage) {
        Map<String, FakeWire> wires = Map.of("wave.out", wave, "flag.out", flag);
        sampler = new LiveSampler(List.of(new WireInfo("wave.out", "s1", PortType.NUMBER),
                new WireInfo("flag.out", "s2", PortType.BOOLEAN)), i -> wires.get(i.wire()),
                new BlockSource() {
                    @Override
                    public Map<String, BlockStatus> states() {
                        return Map.of("twice", new BlockStatus("twice", BlockState.CRASHED, 1, null,
                                "ZeroDivisionError: division by zero", 99));
                    }

                    @Override
                    public java.util.Optional<io.visualcircuit.runtime.run.BlockStats> stats(String blockId) {
                        return java.util.Optional.empty();
                    }
                }, 30, clock::get, 4);
        console = new ConsoleDock();
        console.setOnOpenCode((b, l) -> opened.add(b + ":" + l));
        probes = new ProbePanel(sampler);
        stage.setScene(new Scene(new BorderPane(null, null, probes, console, null), 800, 600));
        stage.show();
    }

    private void tick() {
        clock.addAndGet(33_000_000L);
        LiveFrame f = sampler.sampleOnce();
        WaitForAsyncUtils.asyncFx(() -> probes.update(f));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void shouldShowTheValueRateAndStatisticsInAPinnedProbe(FxRobot robot) {
        robot.interact(() -> probes.pin("wave.out"));
        for (double v : new double[] {1, 3, 2}) {
            wave.write(new LiveValue.Number(v));
            tick();
        }
        Label value = robot.lookup("#probeValue-wave_out").queryAs(Label.class);
        assertEquals("2.0", value.getText());
        Label stats = robot.lookup("#probeStats-wave_out").queryAs(Label.class);
        assertTrue(stats.getText().contains("seq 3"), stats.getText());
        assertTrue(robot.lookup("min 1 · max 3 · mean 2").tryQuery().isPresent(), "min/max/mean shown");
    }

    @Test
    void shouldKeepSeveralProbesOpenAndCloseOne(FxRobot robot) {
        robot.interact(() -> {
            probes.pin("wave.out");
            probes.pin("flag.out");
            probes.pin("wave.out");
        });
        assertEquals(List.of("wave.out", "flag.out"), probes.pinned());
        robot.clickOn("#probeClose-wave_out");
        assertEquals(List.of("flag.out"), probes.pinned());
    }

    @Test
    void shouldHighlightErrorsAndOpenTheCodeBlockFromATracebackLine(FxRobot robot) {
        Instant now = Instant.now();
        console.listener().logLine(new LogLine("twice", now, LogLine.Stream.STDOUT, "starting"));
        console.listener().logLine(new LogLine("twice", now, LogLine.Stream.STDERR, "Traceback (most recent call last):"));
        console.listener().logLine(new LogLine("twice", now, LogLine.Stream.STDERR, "  File \"<block twice>\", line 7, in step"));
        console.listener().logLine(new LogLine("twice", now, LogLine.Stream.STDERR, "ZeroDivisionError: division by zero"));
        console.listener().logLine(new LogLine("wave", now, LogLine.Stream.STDOUT, "hello from wave"));
        robot.interact(console::drain);
        assertEquals(5, console.visibleLines().size());
        assertTrue(ConsoleDock.isError(console.visibleLines().get(3)));
        assertFalse(ConsoleDock.isError(console.visibleLines().get(0)));
        robot.clickOn(robot.lookup("#traceback-twice-7").queryAs(Hyperlink.class));
        assertEquals(List.of("twice:7"), opened);
        robot.interact(() -> console.showBlock("wave"));
        assertEquals(1, console.visibleLines().size());
        assertEquals("hello from wave", console.visibleLines().get(0).text());
    }

    @Test
    void shouldFollowNewLinesOnlyWhileTheNewestLineIsInView(FxRobot robot) {
        Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
        List<LogLine> first = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            first.add(new LogLine("wave", t0.plusMillis(i), LogLine.Stream.STDOUT, "line " + i));
        }
        first.forEach(console.listener()::logLine);
        robot.interact(console::drain);
        awaitCells(-1, 39);

        // The user scrolls up to read an older line: new lines must not pull it away.
        robot.interact(() -> console.reveal(first.get(3)));
        awaitCells(3, -1);
        console.listener().logLine(new LogLine("wave", t0.plusSeconds(1), LogLine.Stream.STDOUT, "line 40"));
        robot.interact(console::drain);
        // A layout pass later the view is still there (a follow would have moved it to the end).
        awaitCells(3, -1);
        assertEquals(41, console.visibleLines().size());
        assertTrue(fx(() -> flow().getLastVisibleCell().getIndex()) < 40, "the newest line is not shown");

        // Back at the end, the view follows the tail again.
        robot.interact(() -> console.reveal(console.visibleLines().get(40)));
        awaitCells(-1, 40);
        console.listener().logLine(new LogLine("wave", t0.plusSeconds(2), LogLine.Stream.STDOUT, "line 41"));
        robot.interact(console::drain);
        awaitCells(-1, 41);
    }

    /**
     * Waits until the console's list has been laid out with {@code first} as its first visible line
     * and {@code last} as its last one (-1: either), so a check sees the layout of the latest change.
     */
    private void awaitCells(int first, int last) {
        try {
            WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> fx(() -> {
                var f = flow().getFirstVisibleCell();
                var l = flow().getLastVisibleCell();
                return f != null && l != null && (first < 0 || f.getIndex() == first) && (last < 0 || l.getIndex() == last);
            }));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("console never showed lines " + first + ".." + last + "; it shows "
                    + fx(() -> flow().getFirstVisibleCell()) + ".." + fx(() -> flow().getLastVisibleCell()), e);
        }
    }

    private VirtualFlow<?> flow() {
        // From the list itself: the block filter's drop-down has a (hidden) list of its own.
        return (VirtualFlow<?>) console.lookup("#consoleList").lookup(".virtual-flow");
    }

    private static <T> T fx(java.util.concurrent.Callable<T> c) {
        return WaitForAsyncUtils.waitFor(WaitForAsyncUtils.asyncFx(c));
    }

    @Test
    void shouldWriteTheSliderValueWhereTheMouseIsAndToggleTheSwitch(FxRobot robot) {
        Block slider = new Block("speed", "slider", null, 0, 0, Map.of("min", 0.0, "max", 10.0), null, null, null, null);
        Block sw = new Block("on", "switch", null, 200, 0, Map.of(), null, null, null, null);
        Circuit c = new Circuit("t", null, List.of(slider, sw), List.of(), List.of());
        List<String> writes = new ArrayList<>();
        LiveOverlay overlay = new LiveOverlay(c, sampler, (b, p, v) -> writes.add(b + "." + p + "=" + v));
        robot.interact(() -> {
            Canvas canvas = new Canvas(400, 100);
            overlay.setFrame(sampler.sampleOnce());
            overlay.paintBlock(canvas.getGraphicsContext2D(), slider, 0, 0, 120, 60, 1);
            overlay.paintBlock(canvas.getGraphicsContext2D(), sw, 200, 0, 120, 60, 1);
            // The track spans x 10..110 of the body; the middle is half of max.
            assertTrue(overlay.mouseOnBlock(mouse(MouseEvent.MOUSE_PRESSED, 60, 50), slider, 60, 50));
            assertTrue(overlay.mouseOnBlock(mouse(MouseEvent.MOUSE_DRAGGED, 110, 50), slider, 110, 50));
            assertTrue(overlay.mouseOnBlock(mouse(MouseEvent.MOUSE_RELEASED, 110, 50), slider, 110, 50));
            assertFalse(overlay.mouseOnBlock(mouse(MouseEvent.MOUSE_PRESSED, 60, 5), slider, 60, 5),
                    "the title area still selects and moves the block");
            assertTrue(overlay.mouseOnBlock(mouse(MouseEvent.MOUSE_PRESSED, 260, 50), sw, 260, 50));
        });
        assertEquals(List.of("speed.out=5.0", "speed.out=10.0", "on.out=true"), writes);
    }

    @Test
    void shouldColourBooleanWiresAndLabelNumbersWithTheirRateWhenFast(FxRobot robot) {
        Circuit c = new Circuit("t", null, List.of(Block.of("wave", "sine", 0, 0), Block.of("flag", "clock", 0, 100),
                Block.of("show", "display", 200, 0), Block.of("lamp", "lamp", 200, 100)),
                List.of(new Wire(new PortRef("wave", "out"), new PortRef("show", "in")),
                        new Wire(new PortRef("flag", "out"), new PortRef("lamp", "in"))), List.of());
        LiveOverlay overlay = new LiveOverlay(c, sampler, (b, p, v) -> { });
        flag.write(new LiveValue.Bool(true));
        wave.write(new LiveValue.Number(0.5));
        sampler.sampleOnce();
        for (int i = 0; i < 40; i++) {
            clock.addAndGet(33_000_000L);
            wave.writeMany(17, 0.25); // about 500 writes per second
            sampler.sampleOnce();
        }
        LiveFrame f = sampler.latest();
        robot.interact(() -> overlay.setFrame(f));
        assertEquals(LiveOverlay.TRUE_COLOR, overlay.wireColor(c.wires().get(1)));
        assertEquals(null, overlay.wireColor(c.wires().get(0)));
        String label = overlay.wireLabel("wave.out");
        assertTrue(label.matches("0\\.25  5\\d\\d/s"), label);
        assertEquals("0.25", overlay.displayText("show"));
    }

    @Test
    void shouldShowACrashedBlockWithItsExitCodeAndError(FxRobot robot) {
        LiveOverlay overlay = new LiveOverlay(Circuit.empty("t"), sampler, (b, p, v) -> { });
        LiveFrame f = sampler.sampleOnce();
        robot.interact(() -> overlay.setFrame(f));
        assertEquals("crashed (exit 1): ZeroDivisionError: division by zero", overlay.healthText("twice"));
        assertEquals(LiveOverlay.CRASH_COLOR, LiveOverlay.stateColor(BlockState.CRASHED));
    }

    @Test
    void shouldExportScopeTracesAsCsv(FxRobot robot) throws Exception {
        List<ScopeWindow> holder = new ArrayList<>();
        robot.interact(() -> {
            ScopeWindow s = new ScopeWindow(sampler, null);
            s.add("wave.out");
            holder.add(s);
        });
        ScopeWindow scope = holder.get(0);
        for (double v : new double[] {1, 2}) {
            wave.write(new LiveValue.Number(v));
            clock.addAndGet(100_000_000L);
            LiveFrame f = sampler.sampleOnce();
            robot.interact(() -> scope.update(f));
        }
        robot.interact(() -> scope.setPaused(true));
        wave.write(new LiveValue.Number(3));
        LiveFrame later = sampler.sampleOnce();
        robot.interact(() -> scope.update(later));
        StringWriter out = new StringWriter();
        scope.writeCsv(out);
        List<String> rows = out.toString().lines().toList();
        assertEquals("time_s,wire,value", rows.get(0));
        assertEquals(3, rows.size(), "paused: the third value is not in the export\n" + out);
        assertTrue(rows.get(1).endsWith(",wave.out,1.0") && rows.get(2).endsWith(",wave.out,2.0"), out.toString());
        robot.interact(() -> scope.zoom(-1));
        assertEquals(5.0, scope.windowSeconds());
        assertNotNull(scope.stage());
    }

    @Test
    void shouldLabelAnArrayWireWithItsLengthAndSparklineAndShowAnImageWireAsAThumbnail(FxRobot robot) {
        FakeWire samples = new FakeWire();
        FakeWire frames = new FakeWire();
        Map<String, FakeWire> wires = Map.of("arr.out", samples, "cam.out", frames);
        LiveSampler own = new LiveSampler(List.of(new WireInfo("arr.out", "s1", PortType.ARRAY),
                new WireInfo("cam.out", "s2", PortType.IMAGE)), i -> wires.get(i.wire()), BlockSource.none(), 30,
                clock::get, 4);
        Wire arrayWire = new Wire(new PortRef("arr", "out"), new PortRef("show", "in"));
        Wire imageWire = new Wire(new PortRef("cam", "out"), new PortRef("view", "in"));
        Circuit c = new Circuit("t", null, List.of(Block.of("arr", "python", 0, 0), Block.of("show", "display", 200, 0),
                Block.of("cam", "test-pattern", 0, 200), Block.of("view", "image-view", 200, 200)),
                List.of(arrayWire, imageWire), List.of());
        LiveOverlay overlay = new LiveOverlay(c, own, (b, p, v) -> { });
        samples.write(new LiveValue.Array(new int[] {5}, new double[] {0, 4, 1, 3, 2}));
        // A pure red frame, in the BGR order image wires carry.
        byte[] red = new byte[72 * 96 * 3];
        for (int i = 0; i < red.length; i += 3) {
            red[i + 2] = (byte) 255;
        }
        frames.write(new LiveValue.Image(72, 96, 3, red));
        Canvas canvas = new Canvas(300, 200);

        // First paint: the overlay learns the image wire is on screen; no thumbnail was made yet.
        clock.addAndGet(33_000_000L);
        LiveFrame first = own.sampleOnce();
        javafx.scene.image.Image before = fx(() -> {
            overlay.setFrame(first);
            return paintWires(canvas, overlay, arrayWire, imageWire);
        });
        assertEquals("[5]", overlay.wireLabel("arr.out"));
        assertEquals("96x72", overlay.wireLabel("cam.out"));
        assertTrue(isWhite(before.getPixelReader().getColor(200, 72)), "no thumbnail before the sampler made one");

        // Handing over the next frame asks the sampler for thumbnails of the wires painted last time.
        clock.addAndGet(33_000_000L);
        LiveFrame second = own.sampleOnce();
        robot.interact(() -> {
            overlay.setFrame(second);
            paintWires(canvas, overlay, arrayWire, imageWire);
        });
        // The sample after that makes the thumbnail; the paint of its frame shows it above the label.
        clock.addAndGet(33_000_000L);
        LiveFrame third = own.sampleOnce();
        assertNotNull(third.wire("cam.out").thumbnail(), "the sampler made the thumbnail the canvas asked for");
        javafx.scene.image.Image after = fx(() -> {
            overlay.setFrame(third);
            return paintWires(canvas, overlay, arrayWire, imageWire);
        });
        // The thumbnail is 64 px wide, centred on the wire's middle (200, 100), its bottom 4 px above it.
        javafx.scene.paint.Color inImage = after.getPixelReader().getColor(200, 72);
        assertTrue(inImage.getRed() > 0.9 && inImage.getGreen() < 0.1 && inImage.getBlue() < 0.1, inImage.toString());
        javafx.scene.paint.Color beside = after.getPixelReader().getColor(200 + 40, 72);
        assertTrue(isWhite(beside), "the thumbnail is 64 px wide: " + beside);

        // The array's label box "[5]" is followed by a sky-blue sparkline, right of the text.
        boolean sparkline = false;
        for (int x = 100 - 30 + 26; x < 100 - 30 + 58; x++) {
            for (int y = 44; y <= 56; y++) {
                javafx.scene.paint.Color px = after.getPixelReader().getColor(x, y);
                sparkline |= px.getRed() < 0.5 && px.getGreen() > 0.5 && px.getBlue() > 0.8;
            }
        }
        assertTrue(sparkline, "a sparkline is drawn next to the array's length");
        own.close();
    }

    /** Paints the array wire's middle at (100, 50) and the image wire's at (200, 100), at full zoom. FX thread. */
    private static javafx.scene.image.Image paintWires(Canvas canvas, LiveOverlay overlay, Wire array, Wire image) {
        var g = canvas.getGraphicsContext2D();
        g.setFill(javafx.scene.paint.Color.WHITE);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        overlay.paintWire(g, array, 100, 50, 1);
        overlay.paintWire(g, image, 200, 100, 1);
        return canvas.snapshot(null, null);
    }

    private static boolean isWhite(javafx.scene.paint.Color c) {
        return c.getRed() > 0.95 && c.getGreen() > 0.95 && c.getBlue() > 0.95;
    }

    private static MouseEvent mouse(javafx.event.EventType<MouseEvent> type, double x, double y) {
        return new MouseEvent(type, x, y, x, y, MouseButton.PRIMARY, 1, false, false, false, false,
                true, false, false, false, false, false, (PickResult) null);
    }
}
