package io.visualcircuit.app.live;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A scope: several wires' histories on one time axis, with pause, time zoom and CSV export.
 *
 * <p>Threading: FX thread only. It draws the frame handed to {@link #update} once per pulse; while
 * paused it keeps drawing the frame it had when paused.
 */
public final class ScopeWindow {
    private static final Color[] TRACE_COLORS = {
            Color.web("#38bdf8"), Color.web("#f97316"), Color.web("#22c55e"), Color.web("#e879f9"),
            Color.web("#facc15"), Color.web("#f43f5e")};
    static final double[] ZOOM_SECONDS = {1, 2, 5, 10, 30, 60};

    private final LiveSampler sampler;
    private final Stage stage = new Stage();
    private final Canvas canvas = new Canvas(640, 300);
    private final Map<String, Color> traces = new LinkedHashMap<>();
    private final ToggleButton pause = new ToggleButton("Pause");
    private final Label windowLabel = new Label();
    private int zoomIndex = 3;
    private LiveFrame frame = LiveFrame.EMPTY;

    public ScopeWindow(LiveSampler sampler, Window owner) {
        this.sampler = sampler;
        pause.setId("scopePause");
        Button zoomIn = new Button("Zoom in");
        zoomIn.setId("scopeZoomIn");
        zoomIn.setOnAction(e -> zoom(-1));
        Button zoomOut = new Button("Zoom out");
        zoomOut.setId("scopeZoomOut");
        zoomOut.setOnAction(e -> zoom(+1));
        Button export = new Button("Export CSV…");
        export.setId("scopeExport");
        export.setOnAction(e -> exportWithChooser());
        HBox bar = new HBox(8, pause, zoomIn, zoomOut, windowLabel, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6));
        Pane holder = new Pane(canvas);
        canvas.widthProperty().bind(holder.widthProperty());
        canvas.heightProperty().bind(holder.heightProperty());
        BorderPane root = new BorderPane(holder, bar, null, null, null);
        root.setId("scope");
        stage.setScene(new Scene(root, 700, 380));
        stage.setTitle("Scope");
        if (owner != null) {
            stage.initOwner(owner);
        }
        updateWindowLabel();
    }

    /** The sampler whose frames this scope shows. */
    public LiveSampler sampler() {
        return sampler;
    }

    public Stage stage() {
        return stage;
    }

    /** Adds a wire as a trace (the sampler keeps enough history for the widest zoom). */
    public void add(String wireKey) {
        if (!traces.containsKey(wireKey)) {
            traces.put(wireKey, TRACE_COLORS[traces.size() % TRACE_COLORS.length]);
            sampler.watch(wireKey, ZOOM_SECONDS[ZOOM_SECONDS.length - 1]);
            stage.setTitle("Scope: " + String.join(", ", traces.keySet()));
        }
    }

    public List<String> traces() {
        return List.copyOf(traces.keySet());
    }

    public boolean isPaused() {
        return pause.isSelected();
    }

    public void setPaused(boolean paused) {
        pause.setSelected(paused);
    }

    /** The visible time window in seconds. */
    public double windowSeconds() {
        return ZOOM_SECONDS[zoomIndex];
    }

    /** Zooms the time axis: negative in, positive out. */
    public void zoom(int steps) {
        zoomIndex = Math.max(0, Math.min(ZOOM_SECONDS.length - 1, zoomIndex + steps));
        updateWindowLabel();
        draw();
    }

    private void updateWindowLabel() {
        windowLabel.setText(ValueFormat.number(windowSeconds()) + " s");
    }

    /** Takes the newest frame unless paused, and redraws. FX thread, once per pulse. */
    public void update(LiveFrame next) {
        if (!pause.isSelected()) {
            frame = next;
        }
        if (stage.isShowing()) {
            draw();
        }
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(Color.web("#0f172a"));
        g.fillRect(0, 0, w, h);
        double now = frame.timeSeconds();
        double from = now - windowSeconds();
        Charts.Range r = null;
        for (String k : traces.keySet()) {
            WireLive wl = frame.wire(k);
            if (wl != null) {
                Charts.Range tr = Charts.range(wl.history(), from);
                r = r == null ? tr : r.union(tr);
            }
        }
        if (r == null) {
            r = Charts.Range.of(Double.NaN, Double.NaN);
        }
        g.setStroke(Color.web("#334155"));
        g.setLineWidth(1);
        for (int i = 1; i < 4; i++) {
            g.strokeLine(0, h * i / 4, w, h * i / 4);
        }
        int i = 0;
        g.setFont(Font.font("Monospaced", 11));
        for (Map.Entry<String, Color> e : traces.entrySet()) {
            WireLive wl = frame.wire(e.getKey());
            if (wl != null) {
                Charts.line(g, wl.history(), from, now, r, 40, 6, w - 46, h - 12, e.getValue(), 1.5);
            }
            g.setFill(e.getValue());
            g.setTextAlign(TextAlignment.RIGHT);
            g.setTextBaseline(VPos.TOP);
            g.fillText(e.getKey(), w - 8, 6 + 14 * i++);
        }
        g.setFill(Color.web("#94a3b8"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(ValueFormat.number(r.hi()), 2, 4);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(ValueFormat.number(r.lo()), 2, h - 4);
    }

    /**
     * Writes the visible traces as CSV: one row per sample, {@code time_s,wire,value}, time in
     * seconds since sampling started. Uses the shown (possibly paused) frame.
     */
    public void writeCsv(Writer out) throws IOException {
        out.write("time_s,wire,value\n");
        double from = frame.timeSeconds() - windowSeconds();
        for (String k : traces.keySet()) {
            WireLive wl = frame.wire(k);
            if (wl == null) {
                continue;
            }
            History hist = wl.history().since(from);
            for (int i = 0; i < hist.size(); i++) {
                out.write(String.format(Locale.ROOT, "%.6f,%s,%s%n", hist.times()[i], csvField(k),
                        Double.toString(hist.values()[i])));
            }
        }
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private void exportWithChooser() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export scope traces");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        fc.setInitialFileName("scope.csv");
        var file = fc.showSaveDialog(stage);
        if (file != null) {
            exportTo(file.toPath());
        }
    }

    /** Writes the CSV to a file; a failure is shown in the window, not thrown. */
    public void exportTo(Path path) {
        try (Writer w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            writeCsv(w);
            windowLabel.setText(ValueFormat.number(windowSeconds()) + " s · saved " + path.getFileName());
        } catch (IOException e) {
            windowLabel.setText("could not save: " + e.getMessage());
        }
    }
}
