package io.visualcircuit.app.live;

import io.visualcircuit.app.canvas.CanvasOverlay;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStatus;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Draws a running circuit's live state on the canvas: values on wires, block health badges,
 * display/lamp/plot/image-view contents, and the interactive slider, switch and button blocks.
 *
 * <p>Threading: FX thread only. It draws from the {@link LiveFrame} handed to it by
 * {@link #setFrame} once per pulse and never reads shared memory itself. Interactive blocks write
 * through the {@link ValueWriter} on the FX thread (a single shared-memory store, no waiting).
 */
public final class LiveOverlay implements CanvasOverlay {
    /** Below this zoom only colour and activity are drawn, no text. */
    static final double DETAIL_ZOOM = 0.55;
    /** Below this zoom images are not shown as thumbnails. */
    static final double IMAGE_ZOOM = 0.7;
    static final Color TRUE_COLOR = Color.web("#22c55e");
    static final Color FALSE_COLOR = Color.web("#64748b");
    static final Color CRASH_COLOR = Color.web("#dc2626");
    private static final Color LABEL_BG = Color.web("#0f172a", 0.82);
    private static final Color LABEL_FG = Color.web("#f8fafc");
    private static final Color ERROR_BG = Color.web("#7f1d1d", 0.9);
    private static final Font LABEL_FONT = Font.font("Monospaced", 10);
    private static final Font STATS_FONT = Font.font("Monospaced", 9);
    private static final Font DISPLAY_FONT = Font.font("Monospaced", FontWeight.BOLD, 15);
    private static final double CHAR_W = 6.0; // monospaced 10 px advance, close enough for a label box

    /** Writes a value to an interactive block's output while running ({@code Run::write} fits). */
    @FunctionalInterface
    public interface ValueWriter {
        void write(String blockId, String port, Object value);
    }

    private final Circuit circuit;
    private final LiveSampler sampler;
    private final ValueWriter writer;
    private final Map<String, String> inputSource = new HashMap<>();
    private final Map<String, double[]> blockRects = new HashMap<>();
    private final Map<String, Object> localControlValue = new HashMap<>();
    private final Map<String, CachedImage> images = new HashMap<>();
    private final Set<String> imagesShown = new HashSet<>();
    private LiveFrame frame = LiveFrame.EMPTY;
    private boolean live = true;
    private Consumer<String> onProbe = k -> { };
    private Consumer<String> onOpenLog = id -> { };

    private record CachedImage(Thumbnail source, WritableImage image) {
    }

    /**
     * @param circuit the circuit the run started from (wires are looked up by their source port)
     * @param sampler the run's sampler: plots ask it for long histories, image views for thumbnails
     * @param writer  where interactive blocks write
     */
    public LiveOverlay(Circuit circuit, LiveSampler sampler, ValueWriter writer) {
        this.circuit = circuit;
        this.sampler = sampler;
        this.writer = writer;
        for (Wire w : circuit.wires()) {
            inputSource.put(w.to().block() + "." + w.to().port(), w.sourceId());
        }
        for (Block b : circuit.blocks()) {
            if ("plot".equals(b.type())) {
                String src = inputSource.get(b.id() + ".in");
                if (src != null) {
                    sampler.watch(src, paramNumber(b, "seconds", 10));
                }
            }
        }
    }

    /** Called when a wire is clicked while running, with the wire's source key. */
    public void setOnProbe(Consumer<String> onProbe) {
        this.onProbe = onProbe;
    }

    /** Called when a crashed block is clicked, with the block id (to open its log). */
    public void setOnOpenLog(Consumer<String> onOpenLog) {
        this.onOpenLog = onOpenLog;
    }

    /**
     * Hands the newest frame to the overlay; FX thread, once per pulse. Also tells the sampler which
     * image wires were on screen in the previous paint, so only those get thumbnails.
     */
    public void setFrame(LiveFrame next) {
        frame = next;
        sampler.requestThumbnails("canvas", imagesShown);
        imagesShown.clear();
    }

    public LiveFrame frame() {
        return frame;
    }

    /** Marks the run as ended: values stay visible but controls no longer write. */
    public void setLive(boolean live) {
        this.live = live;
    }

    /**
     * False: the canvas need not repaint on every pulse. The {@link LivePulse} marks it dirty when a
     * new frame arrives, so painting follows the sample rate (30 Hz), not the screen's refresh rate.
     */
    @Override
    public boolean animating() {
        return false;
    }

    public boolean isLive() {
        return live;
    }

    // ---- wires ----

    @Override
    public Color wireColor(Wire wire) {
        WireLive w = frame.wire(wire.sourceId());
        if (w != null && w.value() instanceof LiveValue.Bool b) {
            return b.value() ? TRUE_COLOR : FALSE_COLOR;
        }
        return null;
    }

    @Override
    public double wireOpacity(Wire wire) {
        WireLive w = frame.wire(wire.sourceId());
        return w != null && w.stale() ? 0.35 : 1.0;
    }

    /** The text drawn on a wire at full detail, or "" when there is nothing to show. */
    public String wireLabel(String key) {
        WireLive w = frame.wire(key);
        if (w == null) {
            return "";
        }
        if (w.error() != null) {
            return "! " + w.error();
        }
        if (w.value() == null || w.value() instanceof LiveValue.Image) {
            return ValueFormat.label(w.value());
        }
        String text = ValueFormat.label(w.value());
        // Faster than we can show: say how many values really arrive.
        if (w.ratePerSecond() > sampler.hz() * 1.2) {
            text += "  " + ValueFormat.rate(w.ratePerSecond());
        }
        return text;
    }

    @Override
    public void paintWire(GraphicsContext g, Wire wire, double midX, double midY, double zoom) {
        WireLive w = frame.wire(wire.sourceId());
        if (w == null) {
            return;
        }
        if (zoom < DETAIL_ZOOM) {
            // Zoomed out: a dot that shows whether values are flowing.
            if (!w.stale()) {
                g.setFill(TRUE_COLOR);
                double r = 3 / zoom;
                g.fillOval(midX - r, midY - r, 2 * r, 2 * r);
            }
            return;
        }
        String text = wireLabel(wire.sourceId());
        if (w.value() instanceof LiveValue.Image && zoom >= IMAGE_ZOOM) {
            imagesShown.add(w.key());
            WritableImage img = image(w);
            if (img != null) {
                double iw = 64;
                double ih = 64 * img.getHeight() / img.getWidth();
                g.setGlobalAlpha(w.stale() ? 0.4 : 1);
                g.drawImage(img, midX - iw / 2, midY - ih - 4, iw, ih);
                g.setGlobalAlpha(1);
            }
        }
        if (text.isEmpty()) {
            return;
        }
        double tw = text.length() * CHAR_W + 6;
        double sparkW = w.value() instanceof LiveValue.Array ? 36 : 0;
        double bx = midX - (tw + sparkW) / 2;
        double by = midY - 7;
        g.setGlobalAlpha(w.stale() ? 0.45 : 1);
        g.setFill(w.error() != null ? ERROR_BG : LABEL_BG);
        g.fillRoundRect(bx, by, tw + sparkW, 14, 6, 6);
        g.setFill(LABEL_FG);
        g.setFont(LABEL_FONT);
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(text, bx + 3, midY);
        if (w.value() instanceof LiveValue.Array a) {
            Charts.sparkline(g, a.data(), bx + tw, by + 2, sparkW - 4, 10, Color.web("#38bdf8"));
        }
        g.setGlobalAlpha(1);
    }

    @Override
    public boolean wireClicked(MouseEvent event, Wire wire) {
        if (frame.wire(wire.sourceId()) == null) {
            return false;
        }
        onProbe.accept(wire.sourceId());
        return true;
    }

    // ---- blocks ----

    /** The badge colour for a block state. */
    static Color stateColor(BlockState s) {
        return switch (s) {
            case STARTING -> Color.web("#f59e0b");
            case RUNNING -> TRUE_COLOR;
            case EXITED, STOPPED -> FALSE_COLOR;
            case CRASHED -> CRASH_COLOR;
        };
    }

    /** The health line under a block: achieved/requested rate, CPU and memory; "" when unknown. */
    public String healthText(String blockId) {
        BlockLive b = frame.block(blockId);
        if (b == null) {
            return "";
        }
        BlockStatus st = b.status();
        if (st.state() == BlockState.CRASHED || st.state() == BlockState.EXITED) {
            StringBuilder sb = new StringBuilder(st.state().name().toLowerCase(Locale.ROOT));
            if (st.exitCode() != null) {
                sb.append(" (exit ").append(st.exitCode()).append(')');
            } else if (st.signal() != null) {
                sb.append(" (signal ").append(st.signal()).append(')');
            }
            if (st.error() != null && !st.error().isBlank()) {
                sb.append(": ").append(st.error());
            }
            return sb.toString();
        }
        if (b.stats() == null) {
            // Blocks without a process (displays, sliders) are simply there; only say so when not running.
            return st.pid() < 0 && st.state() == BlockState.RUNNING ? "" : st.state().name().toLowerCase(Locale.ROOT);
        }
        String rate = b.stats().requestedRateHz() > 0
                ? ValueFormat.number(Math.round(b.stats().achievedRateHz() * 10) / 10.0) + "/"
                        + ValueFormat.number(b.stats().requestedRateHz()) + " Hz"
                : ValueFormat.rate(b.stats().achievedRateHz());
        String cpu = Double.isNaN(b.cpuPercent()) ? "" : String.format(Locale.ROOT, " · %.0f%%", b.cpuPercent());
        return rate + cpu + " · " + ValueFormat.bytes(b.stats().rssBytes());
    }

    @Override
    public void paintBlock(GraphicsContext g, Block block, double x, double y, double width, double height, double zoom) {
        blockRects.put(block.id(), new double[] {x, y, width, height});
        BlockLive b = frame.block(block.id());
        if (b != null) {
            BlockState state = b.status().state();
            if (state == BlockState.CRASHED) {
                g.setStroke(CRASH_COLOR);
                g.setLineWidth(3);
                g.strokeRoundRect(x - 2, y - 2, width + 4, height + 4, 10, 10);
                g.setFill(Color.web("#dc2626", 0.12));
                g.fillRoundRect(x, y, width, height, 8, 8);
            }
            g.setFill(stateColor(state));
            g.fillOval(x + width - 11, y + 4, 7, 7);
            if (zoom >= DETAIL_ZOOM) {
                String health = healthText(block.id());
                if (!health.isEmpty()) {
                    g.setFont(STATS_FONT);
                    g.setTextAlign(TextAlignment.LEFT);
                    g.setTextBaseline(VPos.TOP);
                    g.setFill(state == BlockState.CRASHED ? CRASH_COLOR : Color.web("#64748b"));
                    String shown = health.length() > 60 ? health.substring(0, 59) + "…" : health;
                    g.fillText(shown, x, y + height + 3);
                }
            }
        }
        switch (block.type()) {
            case "display" -> paintDisplay(g, block, x, y, width, height, zoom);
            case "lamp" -> paintLamp(g, block, x, y, width, height);
            case "plot" -> paintPlot(g, block, x, y, width, height);
            case "image-view" -> paintImageView(g, block, x, y, width, height, zoom);
            case "slider" -> paintSlider(g, block, x, y, width, height);
            case "switch" -> paintSwitch(g, block, x, y, width, height);
            case "button" -> paintButton(g, block, x, y, width, height);
            default -> {
            }
        }
    }

    private WireLive inputOf(Block block) {
        String src = inputSource.get(block.id() + ".in");
        return src == null ? null : frame.wire(src);
    }

    /** The text a display block shows now ("" before its first value). */
    public String displayText(String blockId) {
        return circuit.block(blockId).map(this::inputOf).map(w -> ValueFormat.label(w.value())).orElse("");
    }

    private void paintDisplay(GraphicsContext g, Block block, double x, double y, double w, double h, double zoom) {
        WireLive in = inputOf(block);
        if (in == null || in.value() == null || zoom < DETAIL_ZOOM * 0.6) {
            return;
        }
        if (in.value() instanceof LiveValue.Image) {
            paintImageView(g, block, x, y, w, h, zoom);
            return;
        }
        g.setGlobalAlpha(in.stale() ? 0.5 : 1);
        g.setFill(Color.web("#0f172a", 0.9));
        g.fillRoundRect(x + 6, y + h - 26, w - 12, 20, 4, 4);
        g.setFill(Color.web("#a7f3d0"));
        g.setFont(DISPLAY_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(ValueFormat.label(in.value()), x + w / 2, y + h - 16, w - 16);
        g.setGlobalAlpha(1);
    }

    private void paintLamp(GraphicsContext g, Block block, double x, double y, double w, double h) {
        WireLive in = inputOf(block);
        boolean on = in != null && in.value() != null && in.value().asDouble() > 0;
        double r = Math.min(w, h) * 0.22;
        double cx = x + w / 2;
        double cy = y + h / 2 + 6;
        if (on) {
            g.setFill(Color.web("#fde047", 0.35));
            g.fillOval(cx - r * 1.6, cy - r * 1.6, r * 3.2, r * 3.2);
        }
        g.setFill(on ? Color.web("#facc15") : Color.web("#374151"));
        g.fillOval(cx - r, cy - r, 2 * r, 2 * r);
    }

    private void paintPlot(GraphicsContext g, Block block, double x, double y, double w, double h) {
        WireLive in = inputOf(block);
        double seconds = paramNumber(block, "seconds", 10);
        double cw = Math.max(w, 180);
        double ch = 80;
        double cy = y + h + 16;
        g.setFill(Color.web("#0f172a", 0.92));
        g.fillRoundRect(x, cy, cw, ch, 6, 6);
        if (in == null) {
            return;
        }
        double now = frame.timeSeconds();
        History hist = in.history();
        Charts.Range r = Charts.range(hist, now - seconds);
        Charts.line(g, hist, now - seconds, now, r, x + 4, cy + 4, cw - 8, ch - 8, Color.web("#38bdf8"), 1.5);
        g.setFont(STATS_FONT);
        g.setFill(Color.web("#94a3b8"));
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.fillText(ValueFormat.number(r.hi()), x + 4, cy + 2);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(ValueFormat.number(r.lo()), x + 4, cy + ch - 2);
    }

    private void paintImageView(GraphicsContext g, Block block, double x, double y, double w, double h, double zoom) {
        WireLive in = inputOf(block);
        if (in == null || !(in.value() instanceof LiveValue.Image)) {
            return;
        }
        imagesShown.add(in.key());
        WritableImage img = image(in);
        if (img == null) {
            return;
        }
        double iw = Math.max(w, 128);
        double ih = iw * img.getHeight() / img.getWidth();
        g.setGlobalAlpha(in.stale() ? 0.5 : 1);
        g.drawImage(img, x, y + h + 16, iw, ih);
        g.setGlobalAlpha(1);
    }

    /** Copies a new thumbnail's ready pixels into the wire's cached image (cheap: thumbnail size). */
    private WritableImage image(WireLive w) {
        Thumbnail t = w.thumbnail();
        CachedImage cached = images.get(w.key());
        if (t == null || t.width() == 0) {
            return cached == null ? null : cached.image();
        }
        if (cached != null && cached.source() == t) {
            return cached.image();
        }
        WritableImage img = cached != null && (int) cached.image().getWidth() == t.width()
                && (int) cached.image().getHeight() == t.height() ? cached.image() : new WritableImage(t.width(), t.height());
        img.getPixelWriter().setPixels(0, 0, t.width(), t.height(), PixelFormat.getIntArgbInstance(), t.argb(), 0, t.width());
        images.put(w.key(), new CachedImage(t, img));
        return img;
    }

    // ---- interactive blocks ----

    /** The body rectangle {x, y, width, height} a block was last painted with, or null. FX thread. */
    public double[] blockRect(String blockId) {
        double[] r = blockRects.get(blockId);
        return r == null ? null : r.clone();
    }

    /** The value a slider shows: what the user set, else what its wire carries, else its parameter. */
    public double sliderValue(Block block) {
        Object local = localControlValue.get(block.id());
        if (local instanceof Double d) {
            return d;
        }
        WireLive out = frame.wire(block.id() + ".out");
        if (out != null && out.value() instanceof LiveValue.Number n) {
            return n.value();
        }
        return paramNumber(block, "value", paramNumber(block, "min", 0));
    }

    private boolean switchValue(Block block) {
        Object local = localControlValue.get(block.id());
        if (local instanceof Boolean b) {
            return b;
        }
        WireLive out = frame.wire(block.id() + ".out");
        if (out != null && out.value() instanceof LiveValue.Bool b) {
            return b.value();
        }
        Object p = block.params().get("value");
        return p instanceof Boolean b ? b : "true".equalsIgnoreCase(String.valueOf(p));
    }

    /** The slider track inside a block body: {x, y, width}. */
    private static double[] track(double x, double y, double w, double h) {
        return new double[] {x + 10, y + h - 14, w - 20};
    }

    private void paintSlider(GraphicsContext g, Block block, double x, double y, double w, double h) {
        double min = paramNumber(block, "min", 0);
        double max = paramNumber(block, "max", 1);
        double v = sliderValue(block);
        double[] t = track(x, y, w, h);
        double frac = max > min ? Math.max(0, Math.min(1, (v - min) / (max - min))) : 0;
        g.setStroke(Color.web("#94a3b8"));
        g.setLineWidth(3);
        g.strokeLine(t[0], t[1], t[0] + t[2], t[1]);
        g.setStroke(Color.web("#3b82f6"));
        g.strokeLine(t[0], t[1], t[0] + t[2] * frac, t[1]);
        g.setFill(Color.web("#1d4ed8"));
        g.fillOval(t[0] + t[2] * frac - 6, t[1] - 6, 12, 12);
        g.setFont(STATS_FONT);
        g.setFill(Color.web("#1e293b"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.BOTTOM);
        g.fillText(ValueFormat.number(v), x + w - 8, t[1] - 7);
    }

    private void paintSwitch(GraphicsContext g, Block block, double x, double y, double w, double h) {
        boolean on = switchValue(block);
        double sw = 34;
        double sh = 16;
        double sx = x + (w - sw) / 2;
        double sy = y + h - sh - 6;
        g.setFill(on ? TRUE_COLOR : Color.web("#cbd5e1"));
        g.fillRoundRect(sx, sy, sw, sh, sh, sh);
        g.setFill(Color.WHITE);
        g.fillOval(on ? sx + sw - sh + 2 : sx + 2, sy + 2, sh - 4, sh - 4);
    }

    private void paintButton(GraphicsContext g, Block block, double x, double y, double w, double h) {
        boolean down = Boolean.TRUE.equals(localControlValue.get(block.id()));
        double bw = Math.min(60, w - 16);
        double bx = x + (w - bw) / 2;
        double by = y + h - 24;
        g.setFill(down ? Color.web("#1d4ed8") : Color.web("#3b82f6"));
        g.fillRoundRect(bx, by + (down ? 1 : 0), bw, 18, 6, 6);
        g.setFill(Color.WHITE);
        g.setFont(STATS_FONT);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.fillText("press", bx + bw / 2, by + 9 + (down ? 1 : 0));
    }

    @Override
    public boolean mouseOnBlock(MouseEvent event, Block block, double worldX, double worldY) {
        BlockLive live = frame.block(block.id());
        if (event.getEventType() == MouseEvent.MOUSE_PRESSED && live != null
                && live.status().state() == BlockState.CRASHED) {
            // Not consumed: the block is still selected as usual, and its log opens beside it.
            onOpenLog.accept(block.id());
            return false;
        }
        if (!this.live || event.getButton() != MouseButton.PRIMARY && event.getEventType() != MouseEvent.MOUSE_DRAGGED) {
            return false;
        }
        double[] r = blockRects.get(block.id());
        if (r == null) {
            return false;
        }
        // Only the lower part of the body is the control, so the title still selects and drags the block.
        boolean onControl = worldX >= r[0] && worldX <= r[0] + r[2] && worldY >= r[1] + r[3] * 0.45
                && worldY <= r[1] + r[3];
        var type = event.getEventType();
        switch (block.type()) {
            case "slider" -> {
                if (type == MouseEvent.MOUSE_PRESSED && !onControl) {
                    return false;
                }
                if (type == MouseEvent.MOUSE_PRESSED || type == MouseEvent.MOUSE_DRAGGED) {
                    if (type == MouseEvent.MOUSE_DRAGGED && !localControlValue.containsKey(block.id())) {
                        return false;
                    }
                    double[] t = track(r[0], r[1], r[2], r[3]);
                    double min = paramNumber(block, "min", 0);
                    double max = paramNumber(block, "max", 1);
                    double frac = Math.max(0, Math.min(1, (worldX - t[0]) / t[2]));
                    double v = min + frac * (max - min);
                    localControlValue.put(block.id(), v);
                    writer.write(block.id(), "out", v);
                    return true;
                }
                if (type == MouseEvent.MOUSE_RELEASED || type == MouseEvent.MOUSE_CLICKED) {
                    return localControlValue.remove(block.id()) != null || type == MouseEvent.MOUSE_CLICKED && onControl;
                }
                return false;
            }
            case "switch" -> {
                if (!onControl) {
                    return false;
                }
                if (type == MouseEvent.MOUSE_PRESSED) {
                    boolean next = !switchValue(block);
                    localControlValue.put(block.id(), next);
                    writer.write(block.id(), "out", next);
                }
                return true;
            }
            case "button" -> {
                if (type == MouseEvent.MOUSE_PRESSED && onControl) {
                    localControlValue.put(block.id(), Boolean.TRUE);
                    writer.write(block.id(), "out", Boolean.TRUE);
                    return true;
                }
                if (type == MouseEvent.MOUSE_RELEASED && localControlValue.remove(block.id()) != null) {
                    writer.write(block.id(), "out", Boolean.FALSE);
                    return true;
                }
                return onControl && (type == MouseEvent.MOUSE_CLICKED || type == MouseEvent.MOUSE_DRAGGED);
            }
            default -> {
                return false;
            }
        }
    }

    static double paramNumber(Block block, String name, double fallback) {
        Object v = block.params().get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return fallback;
            }
        }
        return fallback;
    }
}
