package io.visualcircuit.app.canvas;

/**
 * The mapping from circuit (world) coordinates to canvas (screen) pixels: {@code screen = world *
 * scale + offset}. Pan and zoom change only this object, never the circuit, so they never mark a
 * file dirty.
 *
 * <p>Threading: owned by the FX thread (the canvas reads it while painting).
 */
public final class ViewTransform {
    public static final double MIN_SCALE = 0.05;
    public static final double MAX_SCALE = 4.0;

    private double scale = 1.0;
    private double offsetX;
    private double offsetY;

    public double scale() {
        return scale;
    }

    public double offsetX() {
        return offsetX;
    }

    public double offsetY() {
        return offsetY;
    }

    public double toScreenX(double worldX) {
        return worldX * scale + offsetX;
    }

    public double toScreenY(double worldY) {
        return worldY * scale + offsetY;
    }

    public double toWorldX(double screenX) {
        return (screenX - offsetX) / scale;
    }

    public double toWorldY(double screenY) {
        return (screenY - offsetY) / scale;
    }

    public void set(double newScale, double newOffsetX, double newOffsetY) {
        scale = clamp(newScale);
        offsetX = newOffsetX;
        offsetY = newOffsetY;
    }

    public void panBy(double dxScreen, double dyScreen) {
        offsetX += dxScreen;
        offsetY += dyScreen;
    }

    /** Zooms by {@code factor} keeping the world point under the screen point (sx, sy) in place. */
    public void zoomAt(double sx, double sy, double factor) {
        double wx = toWorldX(sx);
        double wy = toWorldY(sy);
        scale = clamp(scale * factor);
        offsetX = sx - wx * scale;
        offsetY = sy - wy * scale;
    }

    /** Sets the scale to {@code newScale} around the screen point (sx, sy). */
    public void zoomTo(double sx, double sy, double newScale) {
        zoomAt(sx, sy, newScale / scale);
    }

    /** Centres the world point (wx, wy) in a view of the given size, keeping the scale. */
    public void centreOn(double wx, double wy, double viewWidth, double viewHeight) {
        offsetX = viewWidth / 2 - wx * scale;
        offsetY = viewHeight / 2 - wy * scale;
    }

    /**
     * Fits the world rectangle into the view with a margin; never zooms in beyond 100 % so a small
     * circuit is not blown up.
     */
    public void fit(double minX, double minY, double maxX, double maxY, double viewWidth, double viewHeight) {
        double margin = 40;
        double w = Math.max(1, maxX - minX);
        double h = Math.max(1, maxY - minY);
        double s = Math.min((viewWidth - 2 * margin) / w, (viewHeight - 2 * margin) / h);
        if (!(s > 0)) {
            s = 1;
        }
        scale = clamp(Math.min(1.0, s));
        centreOn((minX + maxX) / 2, (minY + maxY) / 2, viewWidth, viewHeight);
    }

    private static double clamp(double s) {
        return Math.max(MIN_SCALE, Math.min(MAX_SCALE, s));
    }
}
