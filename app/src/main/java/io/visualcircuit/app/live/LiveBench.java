package io.visualcircuit.app.live;

import io.visualcircuit.app.FxStartup;
import io.visualcircuit.app.canvas.BlockGeometry;
import io.visualcircuit.app.canvas.CircuitCanvas;
import io.visualcircuit.app.canvas.ViewTransform;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.run.WireInfo;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The live-view benchmark: a circuit with many live wires (some written very fast), sampled at
 * display rate, drawn with the live overlay on a canvas in a real JavaFX window, while the share
 * of wall time the FX thread spends on live work (pulse handling plus painting) is measured.
 *
 * <p>Threading: {@link #run} is called on a non-FX thread and blocks; it drives the FX thread with
 * {@link Platform#runLater} and the writers with their own threads.
 */
public final class LiveBench {
    /** Grid spacing of the generated circuit (world units): a source and its display side by side. */
    static final double PAIR_DX = 2 * BlockGeometry.WIDTH + 100;
    static final double PAIR_DY = 80;
    static final double VIEW_W = 1280;
    static final double VIEW_H = 800;

    /**
     * What the benchmark measured.
     *
     * @param machine the machine line ({@link MachineInfo#describe()}), taken when measuring began
     */
    public record Result(int wires, double fxBusyPercent, List<String> phases, long frames, double maxPulseMillis,
                         String machine) {
        public String lastLine() {
            return String.format(Locale.ROOT, "live: fx_busy_percent=%.1f wires=%d", fxBusyPercent, wires);
        }
    }

    /** Supplies the wires and the writers that keep them busy. */
    public interface Feed extends AutoCloseable {
        List<WireInfo> wires();

        WireSource.Opener opener();

        /** Starts the writer threads. */
        void start();

        /** One line saying how the wires are driven, printed with the results. */
        String description();

        @Override
        void close();
    }

    private final Feed feed;
    private final double sampleHz;
    private final double seconds;
    private final PrintStream out;

    public LiveBench(Feed feed, double sampleHz, double seconds, PrintStream out) {
        this.feed = feed;
        this.sampleHz = sampleHz;
        this.seconds = seconds;
        this.out = out;
    }

    /** A circuit of source/display pairs, one wire each, laid out on a grid (columns x rows). */
    static Circuit circuit(List<WireInfo> wires) {
        int n = wires.size();
        int cols = (int) Math.ceil(Math.sqrt(n * PAIR_DY / PAIR_DX * 2));
        List<Block> blocks = new ArrayList<>();
        List<Wire> ws = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PortRef from = PortRef.parse(wires.get(i).wire());
            double x = (i % cols) * PAIR_DX;
            double y = (i / cols) * PAIR_DY;
            blocks.add(Block.of(from.block(), "constant", x, y));
            String sink = "show" + i;
            blocks.add(Block.of(sink, "display", x + BlockGeometry.WIDTH + 60, y));
            ws.add(new Wire(from, new PortRef(sink, "in")));
        }
        return new Circuit("live bench", null, blocks, ws, List.of());
    }

    /** Runs the benchmark; blocks the calling thread (which must not be the FX thread). */
    public Result run() throws Exception {
        try {
            // With a display the benchmark opens a real window on the default pipeline; without one
            // it runs on Monocle headless with software rendering.
            FxStartup.start(false);
        } catch (RuntimeException e) {
            // JavaFX could not start: the feed's segments must not outlive this process.
            feed.close();
            throw e;
        }
        // Before the writers start, so the load average is the machine's and not this benchmark's.
        String machine = MachineInfo.describe();
        List<WireInfo> wires = feed.wires();
        Circuit circuit = circuit(wires);
        try (LiveSampler sampler = new LiveSampler(wires, feed.opener(), BlockSource.none(), sampleHz)) {
            feed.start();
            sampler.start();
            CompletableFuture<Stage> stage = new CompletableFuture<>();
            BenchView view = new BenchView(circuit, sampler);
            Platform.runLater(() -> {
                try {
                    Stage s = new Stage();
                    s.setTitle("VisualCircuit live benchmark");
                    s.setScene(new Scene(new BorderPane(view.canvas), VIEW_W, VIEW_H));
                    s.show();
                    stage.complete(s);
                } catch (RuntimeException e) {
                    stage.completeExceptionally(e);
                }
            });
            Stage s = stage.get(10, TimeUnit.SECONDS);
            // Warm up: let the JIT and the sampler settle before measuring.
            Thread.sleep((long) Math.min(2000, seconds * 250));
            double[] zooms = {1.0, 0.6, overviewZoom(circuit)};
            String[] names = {"labels", "mid", "overview"};
            List<String> phases = new ArrayList<>();
            long busy = 0;
            long wall = 0;
            long frames = 0;
            double maxPulse = 0;
            for (int p = 0; p < zooms.length; p++) {
                double z = zooms[p];
                runOnFx(() -> view.begin(z));
                long t0 = System.nanoTime();
                Thread.sleep((long) (seconds * 1000 / zooms.length));
                long[] m = callOnFx(view::end);
                long elapsed = System.nanoTime() - t0;
                busy += m[0];
                wall += elapsed;
                frames += m[1];
                maxPulse = Math.max(maxPulse, m[2] / 1e6);
                phases.add(String.format(Locale.ROOT,
                        "phase %-8s zoom=%.2f visible_wires=%d paints_per_s=%.1f fx_busy=%.1f%% max_pulse_ms=%.1f",
                        names[p], z, m[3], m[1] * 1e9 / elapsed, 100.0 * m[0] / elapsed, m[2] / 1e6));
            }
            runOnFx(() -> {
                view.stop();
                s.close();
            });
            return new Result(wires.size(), 100.0 * busy / wall, phases, frames, maxPulse, machine);
        } finally {
            feed.close();
        }
    }

    /** Prints the results; the last line is the machine-readable one. */
    public void print(Result r) {
        out.println("live bench: " + r.wires() + " wires sampled at " + ValueFormat.number(sampleHz) + " Hz for "
                + ValueFormat.number(seconds) + " s");
        out.println(r.machine());
        out.println(feed.description());
        for (String p : r.phases()) {
            out.println(p);
        }
        out.println("fx busy = time in the live pulse handler (frame hand-over + canvas paint) / wall time;"
                + " paints_per_s should be close to the sample rate (fewer means frames were skipped)");
        out.println(r.lastLine());
    }

    static double overviewZoom(Circuit c) {
        double maxX = 0;
        double maxY = 0;
        for (Block b : c.blocks()) {
            maxX = Math.max(maxX, b.x() + BlockGeometry.WIDTH);
            maxY = Math.max(maxY, b.y() + PAIR_DY);
        }
        return Math.max(ViewTransform.MIN_SCALE, Math.min(VIEW_W / maxX, VIEW_H / maxY) * 0.98);
    }

    private static void runOnFx(Runnable r) throws Exception {
        callOnFx(() -> {
            r.run();
            return null;
        });
    }

    private static <T> T callOnFx(java.util.concurrent.Callable<T> c) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Exception | Error e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(30, TimeUnit.SECONDS);
    }

    /**
     * The editor's own circuit canvas with the live overlay, fed by a {@link LivePulse} exactly as in
     * a run: a new frame goes to the overlay and marks the canvas dirty; the canvas paints once on
     * the next pulse. Busy time = pulse handler time + canvas paint time. FX thread only.
     */
    static final class BenchView {
        final CircuitCanvas canvas = new CircuitCanvas(Catalog.standard());
        private final LiveOverlay overlay;
        private final LivePulse pulse;
        private long paintNanos;
        private long maxPaint;
        private long paintsAtBegin;

        BenchView(Circuit circuit, LiveSampler sampler) {
            canvas.setPrefSize(VIEW_W, VIEW_H);
            canvas.setCircuit(circuit);
            canvas.setShowMinimap(false);
            overlay = new LiveOverlay(circuit, sampler, (b, p, v) -> { });
            canvas.setOverlay(overlay);
            canvas.setFrameListener(d -> {
                paintNanos += d;
                maxPaint = Math.max(maxPaint, d);
            });
            pulse = new LivePulse(sampler::latest);
            pulse.addView(f -> {
                overlay.setFrame(f);
                canvas.markDirty();
            });
            pulse.start();
        }

        void begin(double z) {
            canvas.view().set(z, 10, 10);
            canvas.markDirty();
            pulse.resetCounters();
            paintNanos = 0;
            maxPaint = 0;
            paintsAtBegin = canvas.framesPainted();
        }

        /** {busy nanos, paints, max (pulse + paint) nanos, visible wires} since {@link #begin}. */
        long[] end() {
            double vw = (VIEW_W - 10) / canvas.view().scale();
            double vh = (VIEW_H - 10) / canvas.view().scale();
            long visible = canvas.geometry().wires().stream().filter(w -> Math.min(w.x1(0), w.x2(0)) <= vw
                    && Math.min(w.y1(0), w.y2(0)) <= vh).count();
            return new long[] {pulse.busyNanos() + paintNanos, canvas.framesPainted() - paintsAtBegin,
                    pulse.maxPulseNanos() + maxPaint, visible};
        }

        void stop() {
            pulse.stop();
            canvas.setOverlay(null);
        }
    }

    /** Wire key for pair i, shared by the feeds. */
    static String key(int i) {
        return "src" + i + ".out";
    }

    /** The type of wire i: mostly numbers, some booleans and strings, as in real circuits. */
    static PortType type(int i) {
        return i % 10 == 7 ? PortType.BOOLEAN : i % 10 == 9 ? PortType.STRING : PortType.NUMBER;
    }
}
