package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.circuit.Wire;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Paints one frame of a circuit into a {@link GraphicsContext} in immediate mode: only what meets
 * the view (via the geometry's spatial index), wires batched into one path per colour, and less
 * detail at low zoom (no text below 40 %, straight wires and no ports below 25 %).
 *
 * <p>Threading: FX thread (or whichever thread owns the graphics context).
 */
public final class CircuitPainter {
    /** Below this zoom no text, icons or port labels are drawn. */
    public static final double TEXT_ZOOM = 0.4;
    private static final double PORT_ZOOM = 0.25;
    private static final Font TITLE = Font.font("System", FontWeight.BOLD, 12);
    private static final Font SMALL = Font.font("System", 10);
    private static final Font COMMENT = Font.font("System", 12);
    private static final Color[] ACCENTS = {
        Color.web("#2f81f7"), Color.web("#2da44e"), Color.web("#bf8700"), Color.web("#e16f24"),
        Color.web("#a371f7"), Color.web("#cf222e"), Color.web("#1b7c83"), Color.web("#8250df")};

    /** Everything about a frame that is not the circuit itself. Mutable; owned by the canvas. */
    public static final class Frame {
        public CanvasTheme theme = CanvasTheme.LIGHT;
        public CanvasOverlay overlay;
        public boolean orthogonal;
        public boolean showGrid = true;
        public double gridSize = 20;
        public Set<String> selectedBlocks = Set.of();
        public Set<String> selectedComments = Set.of();
        public Set<Wire> selectedWires = Set.of();
        /** Offset of the selected items while they are being dragged (not yet committed). */
        public double moveDx;
        public double moveDy;
        /** A wire being drawn: from this port to (wireEndX, wireEndY) in world coordinates. */
        public PortRef wireStart;
        public double wireEndX;
        public double wireEndY;
        /** Ports the wire being drawn may connect to (highlighted). */
        public Set<PortRef> compatiblePorts = Set.of();
        /** Rubber band in world coordinates (x0, y0, x1, y1), or null. */
        public double[] rubberBand;
        /** A comment being resized (not yet committed): its id and new size, or null. */
        public String resizeId;
        public double resizeW;
        public double resizeH;
        /** Output scale of the screen (2 on a HiDPI display), used to snap hairlines. */
        public double outputScale = 1;
    }

    private static final ThreadLocal<double[]> CONTROLS = ThreadLocal.withInitial(() -> new double[4]);
    private final double[] mid = new double[2];
    private int lastBlocksPainted;
    private int lastWiresPainted;

    public int lastBlocksPainted() {
        return lastBlocksPainted;
    }

    public int lastWiresPainted() {
        return lastWiresPainted;
    }

    /** Paints a full frame of size width x height (screen pixels). */
    public void paint(GraphicsContext g, double width, double height, ViewTransform vt, CircuitGeometry geo, Frame f) {
        double s = vt.scale();
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.setGlobalAlpha(1);
        g.setFill(f.theme.background());
        g.fillRect(0, 0, width, height);
        if (f.showGrid) {
            paintGrid(g, width, height, vt, f);
        }
        g.setTransform(s, 0, 0, s, vt.offsetX(), vt.offsetY());
        double margin = 20 / s;
        double x0 = vt.toWorldX(0) - margin;
        double y0 = vt.toWorldY(0) - margin;
        double x1 = vt.toWorldX(width) + margin;
        double y1 = vt.toWorldY(height) + margin;
        boolean moving = f.moveDx != 0 || f.moveDy != 0;

        for (Comment c : geo.comments()) {
            boolean sel = f.selectedComments.contains(c.id());
            double cx = c.x() + (sel ? f.moveDx : 0);
            double cy = c.y() + (sel ? f.moveDy : 0);
            if (cx > x1 || cy > y1 || cx + c.width() < x0 || cy + c.height() < y0) {
                continue;
            }
            paintComment(g, c, cx, cy, sel, s, f);
        }

        List<CircuitGeometry.WireGeometry> wires = new ArrayList<>();
        Set<CircuitGeometry.WireGeometry> added = new HashSet<>();
        geo.wiresIn(x0, y0, x1, y1, i -> wires.add(geo.wires().get(i)));
        if (moving && !f.selectedBlocks.isEmpty()) {
            added.addAll(wires);
            for (CircuitGeometry.WireGeometry w : geo.wires()) {
                if ((f.selectedBlocks.contains(w.from().id()) || f.selectedBlocks.contains(w.to().id())) && added.add(w)) {
                    wires.add(w);
                }
            }
        }
        paintWires(g, wires, s, f);
        lastWiresPainted = wires.size();

        int[] count = {0};
        List<BlockGeometry> movingBlocks = new ArrayList<>();
        geo.blocksIn(x0, y0, x1, y1, i -> {
            BlockGeometry b = geo.blocks().get(i);
            if (moving && f.selectedBlocks.contains(b.id())) {
                return;
            }
            paintBlock(g, geo, b, b.x(), b.y(), s, f);
            count[0]++;
        });
        if (moving) {
            for (String id : f.selectedBlocks) {
                BlockGeometry b = geo.block(id);
                if (b != null) {
                    movingBlocks.add(b);
                }
            }
            for (BlockGeometry b : movingBlocks) {
                paintBlock(g, geo, b, b.x() + f.moveDx, b.y() + f.moveDy, s, f);
                count[0]++;
            }
        }
        lastBlocksPainted = count[0];

        paintPendingWire(g, geo, s, f);
        if (f.rubberBand != null) {
            double[] r = f.rubberBand;
            double rx = Math.min(r[0], r[2]);
            double ry = Math.min(r[1], r[3]);
            double rw = Math.abs(r[2] - r[0]);
            double rh = Math.abs(r[3] - r[1]);
            g.setFill(f.theme.rubberBand());
            g.fillRect(rx, ry, rw, rh);
            g.setStroke(f.theme.selection());
            g.setLineWidth(1 / s);
            g.strokeRect(rx, ry, rw, rh);
        }
        g.setTransform(1, 0, 0, 1, 0, 0);
    }

    private static void paintGrid(GraphicsContext g, double width, double height, ViewTransform vt, Frame f) {
        double step = f.gridSize;
        while (step * vt.scale() < 12) {
            step *= 5;
        }
        double px = step * vt.scale();
        // Grid lines are one device pixel wide axis-aligned rectangles: the software pipeline fills
        // those directly, whereas stroking a path of long lines goes through the anti-aliasing
        // rasteriser and used to cost most of a frame.
        double line = 1 / f.outputScale;
        g.setFill(f.theme.grid());
        double sx = vt.offsetX() % px;
        if (sx < 0) {
            sx += px;
        }
        for (double x = sx; x < width; x += px) {
            g.fillRect(Math.round(x * f.outputScale) / f.outputScale, 0, line, height);
        }
        double sy = vt.offsetY() % px;
        if (sy < 0) {
            sy += px;
        }
        for (double y = sy; y < height; y += px) {
            g.fillRect(0, Math.round(y * f.outputScale) / f.outputScale, width, line);
        }
    }

    private void paintWires(GraphicsContext g, List<CircuitGeometry.WireGeometry> wires, double s, Frame f) {
        double lw = Math.max(2, 1.2 / s);
        g.setLineWidth(lw);
        g.setLineCap(StrokeLineCap.ROUND);
        boolean straight = s < PORT_ZOOM;
        if (f.overlay == null) {
            // One path per type colour: thousands of wires become a handful of stroke calls.
            Map<PortType, List<CircuitGeometry.WireGeometry>> byType = new EnumMap<>(PortType.class);
            for (CircuitGeometry.WireGeometry w : wires) {
                byType.computeIfAbsent(w.type(), t -> new ArrayList<>()).add(w);
            }
            for (Map.Entry<PortType, List<CircuitGeometry.WireGeometry>> e : byType.entrySet()) {
                g.setStroke(CanvasTheme.portColor(e.getKey()));
                g.beginPath();
                for (CircuitGeometry.WireGeometry w : e.getValue()) {
                    appendWire(g, w, straight, f);
                }
                g.stroke();
            }
        } else {
            for (CircuitGeometry.WireGeometry w : wires) {
                Color c = f.overlay.wireColor(w.wire());
                g.setStroke(c == null ? CanvasTheme.portColor(w.type()) : c);
                g.setGlobalAlpha(Math.max(0, Math.min(1, f.overlay.wireOpacity(w.wire()))));
                g.beginPath();
                appendWire(g, w, straight, f);
                g.stroke();
            }
            g.setGlobalAlpha(1);
        }
        if (!f.selectedWires.isEmpty()) {
            g.setStroke(f.theme.selection());
            g.setLineWidth(lw + 2 / s);
            g.beginPath();
            for (CircuitGeometry.WireGeometry w : wires) {
                if (f.selectedWires.contains(w.wire())) {
                    appendWire(g, w, straight, f);
                }
            }
            g.stroke();
        }
        if (f.overlay != null) {
            for (CircuitGeometry.WireGeometry w : wires) {
                double[] e = ends(w, f);
                WirePath.bezierPoint(e[0], e[1], e[2], e[3], 0.5, mid);
                f.overlay.paintWire(g, w.wire(), mid[0], mid[1], s);
            }
        }
    }

    private static double[] ends(CircuitGeometry.WireGeometry w, Frame f) {
        boolean moveFrom = f.selectedBlocks.contains(w.from().id());
        boolean moveTo = f.selectedBlocks.contains(w.to().id());
        return new double[] {
            w.x1(moveFrom ? f.moveDx : 0), w.y1(moveFrom ? f.moveDy : 0),
            w.x2(moveTo ? f.moveDx : 0), w.y2(moveTo ? f.moveDy : 0)};
    }

    private static void appendWire(GraphicsContext g, CircuitGeometry.WireGeometry w, boolean straight, Frame f) {
        double ax;
        double ay;
        double bx;
        double by;
        if (f.moveDx != 0 || f.moveDy != 0) {
            double[] e = ends(w, f);
            ax = e[0];
            ay = e[1];
            bx = e[2];
            by = e[3];
        } else {
            ax = w.x1(0);
            ay = w.y1(0);
            bx = w.x2(0);
            by = w.y2(0);
        }
        appendPath(g, ax, ay, bx, by, straight, f.orthogonal);
    }

    static void appendPath(GraphicsContext g, double ax, double ay, double bx, double by, boolean straight, boolean orthogonal) {
        g.moveTo(ax, ay);
        if (straight) {
            g.lineTo(bx, by);
        } else if (orthogonal) {
            double mx = WirePath.orthogonalMidX(ax, bx);
            g.lineTo(mx, ay);
            g.lineTo(mx, by);
            g.lineTo(bx, by);
        } else {
            double[] k = CONTROLS.get();
            WirePath.controls(ax, ay, bx, by, k);
            g.bezierCurveTo(k[0], k[1], k[2], k[3], bx, by);
        }
    }

    private static Color accent(String category) {
        return ACCENTS[Math.floorMod(category == null ? 0 : category.hashCode(), ACCENTS.length)];
    }

    private void paintBlock(GraphicsContext g, CircuitGeometry geo, BlockGeometry b, double x, double y, double s, Frame f) {
        Block block = b.block();
        BlockType type = geo.catalog().find(block.type()).orElse(null);
        String category = type == null ? "" : type.category();
        double w = b.width();
        double h = b.height();
        boolean selected = f.selectedBlocks.contains(block.id());
        boolean detail = s >= TEXT_ZOOM;
        CanvasTheme t = f.theme;
        if (!detail) {
            g.setFill(t.blockFill());
            g.fillRect(x, y, w, h);
            g.setFill(accent(category));
            g.fillRect(x, y, w, BlockGeometry.HEADER);
            if (selected) {
                g.setStroke(t.selection());
                g.setLineWidth(3 / s);
                g.strokeRect(x, y, w, h);
            }
        } else {
            g.setFill(t.blockFill());
            g.fillRoundRect(x, y, w, h, 8, 8);
            g.setFill(t.blockHeader());
            g.fillRoundRect(x, y, w, BlockGeometry.HEADER, 8, 8);
            g.fillRect(x, y + BlockGeometry.HEADER - 4, w, 4);
            g.setFill(accent(category));
            g.fillRect(x, y + BlockGeometry.HEADER - 2, w, 2);
            g.setStroke(selected ? t.selection() : type == null ? Color.web("#cf222e") : t.blockBorder());
            g.setLineWidth(selected ? 2.5 : 1);
            g.strokeRoundRect(x, y, w, h, 8, 8);

            String icon = BlockIcons.standard().pathFor(block.type(), category);
            g.save();
            g.translate(x + 6, y + 5);
            g.scale(16 / 24.0, 16 / 24.0);
            g.beginPath();
            g.appendSVGPath(icon);
            g.setStroke(t.mutedText());
            g.setLineWidth(2);
            g.stroke();
            g.restore();

            g.setFill(t.text());
            g.setFont(TITLE);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.CENTER);
            g.fillText(ellipsize(block.title(), 17), x + 28, y + BlockGeometry.HEADER / 2);
        }
        if (s >= PORT_ZOOM) {
            boolean labels = s >= 0.6;
            if (labels) {
                g.setFont(SMALL);
                g.setFill(t.mutedText());
            }
            for (PortSpec p : b.inputs()) {
                paintPort(g, b, p, x, y, labels, f, block.id());
            }
            for (PortSpec p : b.outputs()) {
                paintPort(g, b, p, x, y, labels, f, block.id());
            }
            if (b.inputs().isEmpty() && b.outputs().isEmpty() && detail && type != null && type.codeBlock()) {
                g.setFont(SMALL);
                g.setFill(t.mutedText());
                g.setTextAlign(TextAlignment.CENTER);
                g.fillText("double-click to edit code", x + w / 2, y + BlockGeometry.HEADER + 12);
            }
        }
        if (f.overlay != null) {
            f.overlay.paintBlock(g, block, x, y, w, h, s);
        }
    }

    private static void paintPort(GraphicsContext g, BlockGeometry b, PortSpec p, double x, double y, boolean labels,
            Frame f, String blockId) {
        double px = x + b.portDx(p);
        double py = y + b.portDy(p);
        double r = BlockGeometry.PORT_RADIUS;
        Color c = CanvasTheme.portColor(p.type());
        if (!f.compatiblePorts.isEmpty() && f.compatiblePorts.contains(new PortRef(blockId, p.name()))) {
            g.setFill(c.deriveColor(0, 1, 1, 0.3));
            g.fillOval(px - r * 2.2, py - r * 2.2, r * 4.4, r * 4.4);
        }
        g.setFill(c);
        g.fillOval(px - r, py - r, 2 * r, 2 * r);
        if (labels) {
            Color old = f.theme.mutedText();
            g.setFill(old);
            g.setTextBaseline(VPos.CENTER);
            if (p.direction() == io.visualcircuit.runtime.circuit.Direction.IN) {
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText(ellipsize(p.name(), 11), px + r + 4, py);
            } else {
                g.setTextAlign(TextAlignment.RIGHT);
                g.fillText(ellipsize(p.name(), 11), px - r - 4, py);
            }
        }
    }

    private static void paintComment(GraphicsContext g, Comment c, double x, double y, boolean sel, double s, Frame f) {
        double w = c.id().equals(f.resizeId) ? f.resizeW : c.width();
        double h = c.id().equals(f.resizeId) ? f.resizeH : c.height();
        g.setFill(f.theme.commentFill());
        g.fillRect(x, y, w, h);
        g.setStroke(sel ? f.theme.selection() : f.theme.blockBorder());
        g.setLineWidth(sel ? 2 : 1 / s);
        g.strokeRect(x, y, w, h);
        if (sel) {
            // Resize grip in the bottom-right corner.
            double k = CircuitCanvas.GRIP / s;
            g.setFill(f.theme.selection());
            g.fillPolygon(new double[] {x + w, x + w, x + w - k}, new double[] {y + h - k, y + h, y + h}, 3);
        }
        if (s >= TEXT_ZOOM) {
            g.setFill(f.theme.commentText());
            g.setFont(COMMENT);
            g.setTextAlign(TextAlignment.LEFT);
            g.setTextBaseline(VPos.TOP);
            g.save();
            g.beginPath();
            g.rect(x, y, w, h);
            g.clip();
            g.fillText(wrap(c.text(), Math.max(4, (int) ((w - 12) / 6.6))), x + 6, y + 6);
            g.restore();
        }
    }

    private void paintPendingWire(GraphicsContext g, CircuitGeometry geo, double s, Frame f) {
        if (f.wireStart == null) {
            return;
        }
        double[] p = geo.portPosition(f.wireStart);
        if (p == null) {
            return;
        }
        BlockGeometry b = geo.block(f.wireStart.block());
        PortSpec spec = b.port(f.wireStart.port());
        g.setStroke(CanvasTheme.portColor(spec.type()));
        g.setLineWidth(Math.max(2, 1.2 / s));
        g.setLineDashes(6, 4);
        g.beginPath();
        if (spec.direction() == io.visualcircuit.runtime.circuit.Direction.OUT) {
            appendPath(g, p[0], p[1], f.wireEndX, f.wireEndY, false, f.orthogonal);
        } else {
            appendPath(g, f.wireEndX, f.wireEndY, p[0], p[1], false, f.orthogonal);
        }
        g.stroke();
        g.setLineDashes((double[]) null);
    }

    /** Shortens text to at most {@code max} characters with an ellipsis. */
    static String ellipsize(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "\u2026";
    }

    /** Wraps text at spaces into lines of at most {@code cols} characters. */
    static String wrap(String text, int cols) {
        StringBuilder out = new StringBuilder();
        for (String para : text.split("\n", -1)) {
            int col = 0;
            for (String word : para.split(" ")) {
                if (col > 0 && col + 1 + word.length() > cols) {
                    out.append('\n');
                    col = 0;
                } else if (col > 0) {
                    out.append(' ');
                    col++;
                }
                out.append(word);
                col += word.length();
            }
            out.append('\n');
        }
        return out.toString();
    }
}
