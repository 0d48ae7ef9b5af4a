package io.visualcircuit.app.bench;

import io.visualcircuit.app.FxStartup;
import io.visualcircuit.app.canvas.CircuitCanvas;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The editor benchmark behind {@code vcircuit bench editor}: for generated circuits of several
 * sizes it measures the load time (read the circuit file bytes into a circuit, lay it out on the
 * real canvas, until the first frame is painted) and a scripted pan/zoom (per-frame paint time on
 * the FX thread and the effective frame rate over real pulses, rendering included).
 *
 * <p>Threading: {@link #run} is called on a plain thread; all canvas work happens on the FX thread.
 */
public final class EditorBench {
    /** Sizes and frame counts of one benchmark run. */
    public record Settings(int[] sizes, int frames, int width, int height) {
        public static Settings full() {
            return new Settings(new int[] {100, 1000, 5000}, 240, 1280, 800);
        }

        public static Settings quick() {
            return new Settings(new int[] {100, 1000}, 30, 800, 600);
        }
    }

    /** The measurements for one circuit size. */
    public record Result(int blocks, int wires, double loadMs, double fps, double paintP50Ms, double paintP95Ms,
            double paintMaxMs) {
    }

    private final Function<Circuit, byte[]> writer;
    private final Function<byte[], Circuit> reader;

    /**
     * @param writer turns a generated circuit into file bytes (outside the timed part)
     * @param reader parses file bytes back (timed, as part of the load)
     */
    public EditorBench(Function<Circuit, byte[]> writer, Function<byte[], Circuit> reader) {
        this.writer = writer;
        this.reader = reader;
    }

    /** Runs the benchmark, printing one line per size and the summary line last. */
    public Result[] run(Settings settings, PrintStream out) throws Exception {
        FxStartup.start(true);
        out.printf(Locale.ROOT, "editor bench: prism.order=%s glass=%s frames=%d view=%dx%d%n",
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default"),
                settings.frames(), settings.width(), settings.height());
        Stage[] stage = new Stage[1];
        CircuitCanvas[] canvas = new CircuitCanvas[1];
        onFx(() -> {
            canvas[0] = new CircuitCanvas(Catalog.standard());
            Stage s = new Stage();
            s.setTitle("VisualCircuit editor benchmark");
            s.setScene(new Scene(new StackPane(canvas[0]), settings.width(), settings.height()));
            s.show();
            stage[0] = s;
            return null;
        });
        Result[] results = new Result[settings.sizes().length];
        Result at1000 = null;
        try {
            for (int i = 0; i < settings.sizes().length; i++) {
                int n = settings.sizes()[i];
                byte[] file = writer.apply(BenchCircuits.grid(n));
                Result r = measure(canvas[0], file, settings.frames());
                results[i] = r;
                out.printf(Locale.ROOT,
                        "editor: blocks=%d wires=%d load_ms=%.1f fps=%.1f paint_p50_ms=%.2f paint_p95_ms=%.2f paint_max_ms=%.2f%n",
                        r.blocks(), r.wires(), r.loadMs(), r.fps(), r.paintP50Ms(), r.paintP95Ms(), r.paintMaxMs());
                if (n == 1000) {
                    at1000 = r;
                }
            }
        } finally {
            onFx(() -> {
                stage[0].close();
                return null;
            });
        }
        Result summary = at1000 != null ? at1000 : results[results.length - 1];
        out.printf(Locale.ROOT, "editor: load_1000_ms=%.0f fps_1000=%.1f%n", summary.loadMs(), summary.fps());
        return results;
    }

    private Result measure(CircuitCanvas canvas, byte[] file, int frames) throws Exception {
        CompletableFuture<double[]> load = new CompletableFuture<>();
        int[] counts = new int[2];
        Platform.runLater(() -> {
            long t0 = System.nanoTime();
            Circuit c = reader.apply(file);
            counts[0] = c.blocks().size();
            counts[1] = c.wires().size();
            long before = canvas.framesPainted();
            canvas.setCircuit(c);
            canvas.zoomToFit();
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    // The canvas timer paints in the same pulse; finish once its frame is done.
                    if (canvas.framesPainted() > before) {
                        stop();
                        load.complete(new double[] {(System.nanoTime() - t0) / 1e6});
                    }
                }
            }.start();
        });
        double loadMs = load.get(120, TimeUnit.SECONDS)[0];

        long[] paint = new long[frames];
        CompletableFuture<Double> fps = new CompletableFuture<>();
        Platform.runLater(() -> {
            double fitScale = canvas.view().scale();
            double w = canvas.getWidth();
            double h = canvas.getHeight();
            int[] k = {0};
            long[] start = {0};
            canvas.setFrameListener(nanos -> {
                if (k[0] > 0 && k[0] <= frames) {
                    paint[k[0] - 1] = nanos;
                }
            });
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (k[0] == 0) {
                        start[0] = System.nanoTime();
                    }
                    if (k[0] == frames) {
                        stop();
                        canvas.setFrameListener(null);
                        fps.complete(frames / ((System.nanoTime() - start[0]) / 1e9));
                        return;
                    }
                    step(canvas, k[0], frames, fitScale, w, h);
                    // Paint this step now so every frame is measured, whatever the canvas timer does.
                    k[0]++;
                    canvas.paintNow();
                }
            }.start();
        });
        double effective = fps.get(300, TimeUnit.SECONDS);
        long[] sorted = paint.clone();
        Arrays.sort(sorted);
        return new Result(counts[0], counts[1], loadMs, effective, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /**
     * One step of the script: the first half zooms from the whole circuit into 100 % around the
     * centre; the second half pans at 100 % across the circuit.
     */
    private static void step(CircuitCanvas canvas, int k, int frames, double fitScale, double w, double h) {
        int half = frames / 2;
        if (k < half) {
            double t = (double) k / Math.max(1, half - 1);
            double target = fitScale * Math.pow(1.0 / fitScale, t);
            canvas.view().zoomTo(w / 2, h / 2, target);
        } else {
            canvas.view().panBy(-37, -23);
        }
        canvas.markDirty();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
