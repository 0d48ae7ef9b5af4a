package io.visualcircuit.app.canvas;

import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * A small overview of the whole circuit in a corner of the canvas: every block as a dot-sized
 * rectangle (drawn again only when the circuit changes) and the visible area as a frame on a
 * second layer. Clicking or dragging in it moves the view there.
 *
 * <p>Threading: FX thread only.
 */
final class Minimap extends Region {
    static final double WIDTH = 180;
    static final double HEIGHT = 120;

    private final CircuitCanvas owner;
    private final Canvas canvas = new Canvas(WIDTH, HEIGHT);
    private final Canvas viewLayer = new Canvas(WIDTH, HEIGHT);
    private boolean contentDirty = true;
    private CircuitGeometry paintedGeometry;
    private CanvasTheme paintedTheme;
    private double scale = 1;
    private double originX;
    private double originY;

    Minimap(CircuitCanvas owner) {
        this.owner = owner;
        setId("minimap");
        getChildren().addAll(canvas, viewLayer);
        getStyleClass().add("minimap");
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::moveView);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::moveView);
        addEventHandler(MouseEvent.MOUSE_RELEASED, MouseEvent::consume);
        addEventHandler(MouseEvent.MOUSE_CLICKED, MouseEvent::consume);
    }

    void contentChanged() {
        contentDirty = true;
    }

    private void moveView(MouseEvent e) {
        owner.centreOnWorld(originX + e.getX() / scale, originY + e.getY() / scale);
        e.consume();
    }

    void paint(CanvasTheme theme) {
        if (!isVisible()) {
            return;
        }
        CircuitGeometry geo = owner.geometry();
        if (contentDirty || geo != paintedGeometry || theme != paintedTheme) {
            paintContent(geo, theme);
        }
        ViewTransform vt = owner.view();
        GraphicsContext g = viewLayer.getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        double vx0 = vt.toWorldX(0);
        double vy0 = vt.toWorldY(0);
        double vx1 = vt.toWorldX(owner.getWidth());
        double vy1 = vt.toWorldY(owner.getHeight());
        double rx0 = Math.max(0, (vx0 - originX) * scale);
        double ry0 = Math.max(0, (vy0 - originY) * scale);
        double rx1 = Math.min(WIDTH, (vx1 - originX) * scale);
        double ry1 = Math.min(HEIGHT, (vy1 - originY) * scale);
        if (rx1 > rx0 && ry1 > ry0) {
            g.setStroke(theme.selection());
            g.setLineWidth(1.5);
            g.strokeRect(rx0 + 0.75, ry0 + 0.75, Math.max(2, rx1 - rx0 - 1.5), Math.max(2, ry1 - ry0 - 1.5));
        }
    }

    /** Blocks are drawn only when the circuit or the look changes; panning redraws just the frame. */
    private void paintContent(CircuitGeometry geo, CanvasTheme theme) {
        contentDirty = false;
        paintedGeometry = geo;
        paintedTheme = theme;
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(theme.background().interpolate(theme.blockBorder(), 0.15));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        double x0 = geo.isEmpty() ? -500 : geo.minX();
        double y0 = geo.isEmpty() ? -300 : geo.minY();
        double x1 = geo.isEmpty() ? 500 : geo.maxX();
        double y1 = geo.isEmpty() ? 300 : geo.maxY();
        double pad = 6;
        scale = Math.min((WIDTH - 2 * pad) / Math.max(1, x1 - x0), (HEIGHT - 2 * pad) / Math.max(1, y1 - y0));
        originX = (x0 + x1) / 2 - WIDTH / 2 / scale;
        originY = (y0 + y1) / 2 - HEIGHT / 2 / scale;
        g.setFill(theme.mutedText());
        for (BlockGeometry b : geo.blocks()) {
            g.fillRect((b.x() - originX) * scale, (b.y() - originY) * scale,
                    Math.max(1.5, b.width() * scale), Math.max(1.5, b.height() * scale));
        }
        g.setStroke(Color.gray(0.5, 0.6));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, WIDTH - 1, HEIGHT - 1);
    }
}
