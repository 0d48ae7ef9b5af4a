package io.visualcircuit.app.live;

import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;

/**
 * Small line-chart drawing shared by the canvas overlay, probes and the scope. FX thread only
 * (it draws on a {@link GraphicsContext}).
 */
public final class Charts {
    private Charts() {
    }

    /** A y range with a little margin; a flat signal gets a unit-wide range around its value. */
    public record Range(double lo, double hi) {
        public static Range of(double min, double max) {
            if (Double.isNaN(min) || Double.isNaN(max)) {
                return new Range(-1, 1);
            }
            if (max - min < 1e-12) {
                return new Range(min - 0.5, max + 0.5);
            }
            double pad = (max - min) * 0.08;
            return new Range(min - pad, max + pad);
        }

        /** Widens this range to include another. */
        public Range union(Range o) {
            return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
        }
    }

    /** The range of the history's values at or after {@code fromT}. */
    public static Range range(History h, double fromT) {
        double min = Double.NaN;
        double max = Double.NaN;
        for (int i = 0; i < h.size(); i++) {
            if (h.times()[i] < fromT) {
                continue;
            }
            double v = h.values()[i];
            if (Double.isFinite(v)) {
                min = Double.isNaN(min) ? v : Math.min(min, v);
                max = Double.isNaN(max) ? v : Math.max(max, v);
            }
        }
        return Range.of(min, max);
    }

    /**
     * Draws the history between {@code fromT} and {@code toT} (sampler seconds) as a step-free
     * polyline in the box; the last value is held up to {@code toT} so the trace reaches "now".
     */
    public static void line(GraphicsContext g, History h, double fromT, double toT, Range r,
                            double x, double y, double w, double hgt, Color color, double lineWidth) {
        if (h.size() == 0 || toT <= fromT) {
            return;
        }
        g.setStroke(color);
        g.setLineWidth(lineWidth);
        g.beginPath();
        boolean started = false;
        double span = toT - fromT;
        double lastY = 0;
        for (int i = 0; i < h.size(); i++) {
            double t = h.times()[i];
            double v = h.values()[i];
            if (!Double.isFinite(v)) {
                continue;
            }
            if (t < fromT) {
                // Keep the value just before the window so the trace starts at the left edge.
                lastY = yOf(v, r, y, hgt);
                if (i + 1 < h.size() && h.times()[i + 1] >= fromT) {
                    g.moveTo(x, lastY);
                    started = true;
                }
                continue;
            }
            double px = x + (t - fromT) / span * w;
            double py = yOf(v, r, y, hgt);
            if (!started) {
                g.moveTo(px, py);
                started = true;
            } else {
                g.lineTo(px, py);
            }
            lastY = py;
        }
        if (started) {
            g.lineTo(x + w, lastY);
            g.stroke();
        }
    }

    /** Draws an array's values as a sparkline filling the box. */
    public static void sparkline(GraphicsContext g, double[] data, double x, double y, double w, double h, Color color) {
        if (data.length == 0) {
            return;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        // Long arrays are drawn from an evenly spaced subset: a sparkline is a few dozen pixels wide.
        int n = Math.min(data.length, 64);
        for (int i = 0; i < n; i++) {
            double v = data[(int) ((long) i * data.length / n)];
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min > max) {
            return;
        }
        Range r = Range.of(min, max);
        g.setStroke(color);
        g.setLineWidth(1);
        g.beginPath();
        for (int i = 0; i < n; i++) {
            double v = data[(int) ((long) i * data.length / n)];
            double px = x + (n == 1 ? w / 2 : i * w / (n - 1));
            double py = yOf(Double.isFinite(v) ? v : r.lo(), r, y, h);
            if (i == 0) {
                g.moveTo(px, py);
            } else {
                g.lineTo(px, py);
            }
        }
        g.stroke();
    }

    private static double yOf(double v, Range r, double y, double h) {
        return y + h - (v - r.lo()) / (r.hi() - r.lo()) * h;
    }
}
