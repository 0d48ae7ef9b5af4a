package io.visualcircuit.app.live;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Pinned probes: one card per wire with its current value, update rate, sequence number, min, max,
 * mean and a history plot of the last {@link #SECONDS} seconds (the last frame for images).
 * Several may be open at once.
 *
 * <p>Threading: FX thread only. Cards are refreshed from the frame handed to {@link #update} once
 * per pulse; pinning asks the sampler (any-thread API) to keep a long history for the wire.
 */
public final class ProbePanel extends ScrollPane {
    /** Seconds of history a probe plots. */
    public static final double SECONDS = 10;

    private LiveSampler sampler;
    private final VBox cards = new VBox(8);
    private final Map<String, Card> byKey = new LinkedHashMap<>();
    private Consumer<String> onAddToScope = k -> { };
    private LiveFrame frame = LiveFrame.EMPTY;

    /** A panel for the given sampler; null until a run starts (see {@link #attach}). */
    public ProbePanel(LiveSampler sampler) {
        this.sampler = sampler;
        setId("probePanel");
        cards.setPadding(new Insets(6));
        setContent(cards);
        setFitToWidth(true);
        setPrefWidth(280);
    }

    /** Called with a wire key when a probe's "Add to scope" is pressed. */
    public void setOnAddToScope(Consumer<String> onAddToScope) {
        this.onAddToScope = onAddToScope;
    }

    /**
     * Switches to a new run's sampler: pinned probes stay and get long histories in the new run.
     */
    public void attach(LiveSampler next) {
        sampler = next;
        frame = LiveFrame.EMPTY;
        for (String k : byKey.keySet()) {
            next.watch(k, SECONDS);
        }
    }

    /** Pins a probe on the wire (or does nothing when it is already pinned). */
    public void pin(String wireKey) {
        if (byKey.containsKey(wireKey)) {
            return;
        }
        if (sampler != null) {
            sampler.watch(wireKey, SECONDS);
        }
        Card c = new Card(wireKey);
        byKey.put(wireKey, c);
        cards.getChildren().add(c);
        c.refresh(frame);
    }

    public void unpin(String wireKey) {
        Card c = byKey.remove(wireKey);
        if (c != null) {
            cards.getChildren().remove(c);
            if (sampler != null) {
                sampler.unwatch(wireKey);
            }
        }
    }

    public List<String> pinned() {
        return List.copyOf(byKey.keySet());
    }

    /** A node id for a probe part: CSS ids cannot hold the dot of "block.port", so it becomes "_". */
    public static String nodeId(String prefix, String wireKey) {
        return prefix + wireKey.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Refreshes every card from the newest frame. FX thread, once per pulse. */
    public void update(LiveFrame next) {
        frame = next;
        for (Card c : byKey.values()) {
            c.refresh(next);
        }
    }

    private final class Card extends VBox {
        final String key;
        final Label value = new Label();
        final Label stats = new Label();
        final Label range = new Label();
        final Canvas chart = new Canvas(250, 80);
        final ImageView imageView = new ImageView();
        WritableImage image;
        Thumbnail shown;

        Card(String key) {
            this.key = key;
            setId(nodeId("probe-", key));
            getStyleClass().add("probe-card");
            setStyle("-fx-border-color: #cbd5e1; -fx-border-radius: 6; -fx-padding: 6; -fx-background-radius: 6;");
            Label title = new Label(key);
            title.setStyle("-fx-font-weight: bold;");
            Region grow = new Region();
            HBox.setHgrow(grow, Priority.ALWAYS);
            Button scope = new Button("Add to scope");
            scope.setId(nodeId("probeScope-", key));
            scope.setOnAction(e -> onAddToScope.accept(key));
            Button close = new Button("✕");
            close.setId(nodeId("probeClose-", key));
            close.setOnAction(e -> unpin(key));
            HBox head = new HBox(6, title, grow, scope, close);
            head.setAlignment(Pos.CENTER_LEFT);
            value.setId(nodeId("probeValue-", key));
            value.setWrapText(true);
            stats.setId(nodeId("probeStats-", key));
            imageView.setFitWidth(250);
            imageView.setPreserveRatio(true);
            getChildren().addAll(head, value, stats, range, chart);
        }

        void refresh(LiveFrame f) {
            WireLive w = f.wire(key);
            if (w == null) {
                value.setText("not in this run");
                return;
            }
            value.setText(w.error() != null ? "cannot read: " + w.error() : ValueFormat.detail(w.value()));
            stats.setText(ValueFormat.rate(w.ratePerSecond()) + " · seq " + w.sequence() + (w.stale() ? " · stale" : ""));
            if (!Double.isNaN(w.mean())) {
                range.setText("min " + ValueFormat.number(w.min()) + " · max " + ValueFormat.number(w.max())
                        + " · mean " + ValueFormat.number(w.mean()));
            } else {
                range.setText("");
            }
            if (w.value() instanceof LiveValue.Image) {
                if (sampler != null) {
                    sampler.requestThumbnails("probes", imageKeys());
                }
                showImage(w.thumbnail());
                return;
            }
            if (getChildren().contains(imageView)) {
                getChildren().set(getChildren().indexOf(imageView), chart);
            }
            GraphicsContext g = chart.getGraphicsContext2D();
            g.setFill(Color.web("#0f172a"));
            g.fillRect(0, 0, chart.getWidth(), chart.getHeight());
            History h = w.history();
            double now = f.timeSeconds();
            Charts.Range r = Charts.range(h, now - SECONDS);
            Charts.line(g, h, now - SECONDS, now, r, 2, 2, chart.getWidth() - 4, chart.getHeight() - 4,
                    Color.web("#38bdf8"), 1.5);
        }

        private List<String> imageKeys() {
            return byKey.values().stream().filter(c -> frame.wire(c.key) != null
                    && frame.wire(c.key).value() instanceof LiveValue.Image).map(c -> c.key).toList();
        }

        private void showImage(Thumbnail t) {
            if (getChildren().contains(chart)) {
                getChildren().set(getChildren().indexOf(chart), imageView);
            }
            if (t == null || t == shown || t.width() == 0) {
                return;
            }
            if (image == null || (int) image.getWidth() != t.width() || (int) image.getHeight() != t.height()) {
                image = new WritableImage(t.width(), t.height());
                imageView.setImage(image);
            }
            image.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), t.argb(), 0, t.width());
            shown = t;
        }
    }
}
