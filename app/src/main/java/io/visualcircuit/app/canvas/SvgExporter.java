package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Comment;
import io.visualcircuit.runtime.circuit.Direction;
import io.visualcircuit.runtime.circuit.PortSpec;
import javafx.scene.paint.Color;

import java.util.Locale;

/**
 * Writes a circuit as a standalone SVG document straight from the model (rectangles, paths, text),
 * so the picture scales without loss and can go into reports. Uses the same geometry and wire shapes
 * as the canvas. No JavaFX scene is needed; any thread may call it.
 */
public final class SvgExporter {
    private SvgExporter() {
    }

    public static String export(CircuitGeometry geo, CanvasTheme theme, boolean orthogonal) {
        double pad = 30;
        double x0 = geo.minX() - pad;
        double y0 = geo.minY() - pad;
        double w = Math.max(100, geo.maxX() - geo.minX() + 2 * pad);
        double h = Math.max(100, geo.maxY() - geo.minY() + 2 * pad);
        StringBuilder s = new StringBuilder();
        s.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"%.1f %.1f %.1f %.1f\" width=\"%.0f\" height=\"%.0f\""
                        + " font-family=\"sans-serif\">%n", x0, y0, w, h, w, h));
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>%n",
                x0, y0, w, h, css(theme.background())));
        for (Comment c : geo.comments()) {
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" stroke=\"%s\"/>%n",
                    c.x(), c.y(), c.width(), c.height(), css(theme.commentFill()), css(theme.blockBorder())));
            double ty = c.y() + 18;
            for (String line : CircuitPainter.wrap(c.text(), Math.max(4, (int) ((c.width() - 12) / 6.6))).split("\n")) {
                if (ty > c.y() + c.height() - 4) {
                    break;
                }
                s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"%s\">%s</text>%n",
                        c.x() + 6, ty, css(theme.commentText()), escape(line)));
                ty += 15;
            }
        }
        for (CircuitGeometry.WireGeometry wg : geo.wires()) {
            double ax = wg.x1(0);
            double ay = wg.y1(0);
            double bx = wg.x2(0);
            double by = wg.y2(0);
            String d;
            if (orthogonal) {
                double mx = WirePath.orthogonalMidX(ax, bx);
                d = String.format(Locale.ROOT, "M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f", ax, ay, mx, ay, mx, by, bx, by);
            } else {
                double[] k = new double[4];
                WirePath.controls(ax, ay, bx, by, k);
                d = String.format(Locale.ROOT, "M%.1f %.1f C%.1f %.1f %.1f %.1f %.1f %.1f", ax, ay, k[0], k[1], k[2], k[3], bx, by);
            }
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    d, css(CanvasTheme.portColor(wg.type()))));
        }
        for (BlockGeometry b : geo.blocks()) {
            BlockType type = geo.catalog().find(b.block().type()).orElse(null);
            String category = type == null ? "" : type.category();
            s.append(String.format(Locale.ROOT, "<g id=\"%s\">%n", escape(b.id())));
            s.append(String.format(Locale.ROOT,
                    "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" rx=\"4\" fill=\"%s\" stroke=\"%s\"/>%n",
                    b.x(), b.y(), b.width(), b.height(), css(theme.blockFill()), css(theme.blockBorder())));
            s.append(String.format(Locale.ROOT,
                    "<path d=\"M%.1f %.1f h%.1f v%.1f h%.1f Z\" fill=\"%s\"/>%n",
                    b.x() + 0.5, b.y() + 0.5, b.width() - 1, BlockGeometry.HEADER - 0.5, -(b.width() - 1), css(theme.blockHeader())));
            s.append(String.format(Locale.ROOT,
                    "<g transform=\"translate(%.1f %.1f) scale(0.6667)\"><path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\""
                            + " stroke-linecap=\"round\" stroke-linejoin=\"round\"/></g>%n",
                    b.x() + 6, b.y() + 5, BlockIcons.standard().pathFor(b.block().type(), category), css(theme.mutedText())));
            s.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" font-weight=\"bold\" fill=\"%s\">%s</text>%n",
                    b.x() + 28, b.y() + 17, css(theme.text()), escape(CircuitPainter.ellipsize(b.block().title(), 17))));
            for (PortSpec p : b.inputs()) {
                port(s, b, p, theme);
            }
            for (PortSpec p : b.outputs()) {
                port(s, b, p, theme);
            }
            s.append("</g>\n");
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static void port(StringBuilder s, BlockGeometry b, PortSpec p, CanvasTheme theme) {
        double px = b.x() + b.portDx(p);
        double py = b.y() + b.portDy(p);
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>%n",
                px, py, BlockGeometry.PORT_RADIUS, css(CanvasTheme.portColor(p.type()))));
        boolean in = p.direction() == Direction.IN;
        s.append(String.format(Locale.ROOT,
                "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"%s\" fill=\"%s\">%s</text>%n",
                in ? px + 9 : px - 9, py + 3.5, in ? "start" : "end", css(theme.mutedText()), escape(p.name())));
    }

    private static String css(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
