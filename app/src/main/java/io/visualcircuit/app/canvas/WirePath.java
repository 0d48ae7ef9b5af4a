package io.visualcircuit.app.canvas;

/**
 * The shape of a wire between an output at (x1, y1) and an input at (x2, y2): a horizontal-tangent
 * cubic Bezier curve, or an orthogonal (three-segment) path. Shared by the canvas painter, hit
 * testing and the SVG exporter so they always agree.
 */
public final class WirePath {
    private WirePath() {
    }

    /** Horizontal distance of the Bezier control points from the ends. */
    public static double controlOffset(double x1, double x2) {
        return Math.max(40, Math.min(200, Math.abs(x2 - x1) / 2));
    }

    /** The x of the vertical middle segment of an orthogonal wire. */
    public static double orthogonalMidX(double x1, double x2) {
        return x2 > x1 + 20 ? (x1 + x2) / 2 : x1 + 20;
    }

    /**
     * The two Bezier control points (c1x, c1y, c2x, c2y) of a wire. A forward wire leaves and enters
     * horizontally; a wire running backwards (input left of the output) at about the same height
     * bends downwards as a loop, so it does not run straight back across the blocks it connects.
     */
    public static void controls(double x1, double y1, double x2, double y2, double[] out) {
        double c = controlOffset(x1, x2);
        double drop = 0;
        if (x2 < x1 + 10 && Math.abs(y2 - y1) < 90) {
            drop = Math.max(50, Math.min(160, (x1 - x2) / 3));
        }
        out[0] = x1 + c;
        out[1] = y1 + drop;
        out[2] = x2 - c;
        out[3] = y2 + drop;
    }

    /** A point on the Bezier at parameter t, written into out[0..1]. */
    public static void bezierPoint(double x1, double y1, double x2, double y2, double t, double[] out) {
        double[] k = new double[4];
        controls(x1, y1, x2, y2, k);
        double u = 1 - t;
        out[0] = u * u * u * x1 + 3 * u * u * t * k[0] + 3 * u * t * t * k[2] + t * t * t * x2;
        out[1] = u * u * u * y1 + 3 * u * u * t * k[1] + 3 * u * t * t * k[3] + t * t * t * y2;
    }

    /** Shortest distance from (px, py) to the wire, sampling the curve (good enough for clicks). */
    public static double distance(double x1, double y1, double x2, double y2, boolean orthogonal, double px, double py) {
        if (orthogonal) {
            double mx = orthogonalMidX(x1, x2);
            double d = segment(px, py, x1, y1, mx, y1);
            d = Math.min(d, segment(px, py, mx, y1, mx, y2));
            return Math.min(d, segment(px, py, mx, y2, x2, y2));
        }
        double[] p = new double[2];
        double best = Double.MAX_VALUE;
        double lx = x1;
        double ly = y1;
        for (int i = 1; i <= 24; i++) {
            bezierPoint(x1, y1, x2, y2, i / 24.0, p);
            best = Math.min(best, segment(px, py, lx, ly, p[0], p[1]));
            lx = p[0];
            ly = p[1];
        }
        return best;
    }

    private static double segment(double px, double py, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = dx * dx + dy * dy;
        double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len));
        double qx = ax + t * dx - px;
        double qy = ay + t * dy - py;
        return Math.sqrt(qx * qx + qy * qy);
    }
}
