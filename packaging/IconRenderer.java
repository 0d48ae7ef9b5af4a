import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws the VisualCircuit application icon as a PNG from its SVG, so packaging needs no SVG tool
 * beyond the JDK. It understands only what the icon uses: {@code rect} (with {@code rx}),
 * {@code circle} and {@code path} with absolute {@code M L H V C Z} commands, painted with
 * {@code fill}, {@code stroke}, {@code stroke-width} and {@code stroke-linecap} in {@code #rgb} or
 * {@code #rrggbb} colours. Anything else is refused by name, so an edited icon that would render
 * wrongly fails loudly instead.
 *
 * <p>Run with the JDK's source launcher: {@code java IconRenderer.java IN.svg OUT.png SIZE}.
 */
public final class IconRenderer {
    private IconRenderer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java IconRenderer.java IN.svg OUT.png SIZE");
            System.exit(2);
        }
        try {
            render(new File(args[0]), new File(args[1]), Integer.parseInt(args[2]));
        } catch (IllegalArgumentException e) {
            System.err.println("IconRenderer: " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
    }

    static void render(File svg, File png, int size) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        // The icon is a local file, but an XML parser should never fetch anything on its own.
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        Element root = f.newDocumentBuilder().parse(svg).getDocumentElement();
        if (!root.getTagName().equals("svg")) {
            throw new IllegalArgumentException("the root element is <" + root.getTagName() + ">, not <svg>");
        }
        double[] box = numbers(root.getAttribute("viewBox"));
        if (box.length != 4 || box[2] <= 0 || box[3] <= 0) {
            throw new IllegalArgumentException("<svg> needs a viewBox of four numbers with a positive size");
        }
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.scale(size / box[2], size / box[3]);
            g.translate(-box[0], -box[1]);
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    paint(g, e);
                }
            }
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(image, "png", png)) {
            throw new IllegalArgumentException("this JDK cannot write PNG files");
        }
    }

    private static void paint(Graphics2D g, Element e) {
        Shape shape = switch (e.getTagName()) {
            case "rect" -> {
                double rx = number(e, "rx", 0);
                double ry = e.hasAttribute("ry") ? number(e, "ry", 0) : rx;
                yield new RoundRectangle2D.Double(number(e, "x", 0), number(e, "y", 0),
                        number(e, "width", -1), number(e, "height", -1), 2 * rx, 2 * ry);
            }
            case "circle" -> {
                double r = number(e, "r", -1);
                yield new Ellipse2D.Double(number(e, "cx", 0) - r, number(e, "cy", 0) - r, 2 * r, 2 * r);
            }
            case "path" -> path(e.getAttribute("d"));
            default -> throw new IllegalArgumentException("<" + e.getTagName() + "> is not supported");
        };
        Color fill = color(e.hasAttribute("fill") ? e.getAttribute("fill") : "#000000");
        if (fill != null) {
            g.setColor(fill);
            g.fill(shape);
        }
        Color stroke = color(e.hasAttribute("stroke") ? e.getAttribute("stroke") : "none");
        if (stroke != null) {
            int cap = switch (e.hasAttribute("stroke-linecap") ? e.getAttribute("stroke-linecap") : "butt") {
                case "round" -> BasicStroke.CAP_ROUND;
                case "square" -> BasicStroke.CAP_SQUARE;
                case "butt" -> BasicStroke.CAP_BUTT;
                default -> throw new IllegalArgumentException("stroke-linecap '" + e.getAttribute("stroke-linecap")
                        + "' is not supported");
            };
            g.setStroke(new BasicStroke((float) number(e, "stroke-width", 1), cap, BasicStroke.JOIN_ROUND));
            g.setColor(stroke);
            g.draw(shape);
        }
    }

    private static Shape path(String d) {
        List<String> tokens = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("[A-Za-z]|-?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?").matcher(d);
        while (m.find()) {
            tokens.add(m.group());
        }
        Path2D.Double p = new Path2D.Double();
        double x = 0;
        double y = 0;
        int i = 0;
        char command = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (command == 'Z') {
                    p.closePath();
                    continue;
                }
            } else if (command == 0) {
                throw new IllegalArgumentException("path data must start with a command: " + d);
            }
            switch (command) {
                case 'M' -> {
                    x = arg(tokens, i++, d);
                    y = arg(tokens, i++, d);
                    p.moveTo(x, y);
                    command = 'L'; // further pairs after M are line segments
                }
                case 'L' -> {
                    x = arg(tokens, i++, d);
                    y = arg(tokens, i++, d);
                    p.lineTo(x, y);
                }
                case 'H' -> {
                    x = arg(tokens, i++, d);
                    p.lineTo(x, y);
                }
                case 'V' -> {
                    y = arg(tokens, i++, d);
                    p.lineTo(x, y);
                }
                case 'C' -> {
                    double x1 = arg(tokens, i++, d);
                    double y1 = arg(tokens, i++, d);
                    double x2 = arg(tokens, i++, d);
                    double y2 = arg(tokens, i++, d);
                    x = arg(tokens, i++, d);
                    y = arg(tokens, i++, d);
                    p.curveTo(x1, y1, x2, y2, x, y);
                }
                default -> throw new IllegalArgumentException("path command '" + command
                        + "' is not supported (only absolute M L H V C Z)");
            }
        }
        return p;
    }

    private static double arg(List<String> tokens, int i, String d) {
        if (i >= tokens.size() || Character.isLetter(tokens.get(i).charAt(0))) {
            throw new IllegalArgumentException("path data ends early or misses a number: " + d);
        }
        return Double.parseDouble(tokens.get(i));
    }

    private static double number(Element e, String name, double fallback) {
        if (!e.hasAttribute(name)) {
            if (fallback < 0) {
                throw new IllegalArgumentException("<" + e.getTagName() + "> needs the attribute " + name);
            }
            return fallback;
        }
        try {
            return Double.parseDouble(e.getAttribute(name).trim());
        } catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + "='" + e.getAttribute(name) + "' is not a plain number");
        }
    }

    private static double[] numbers(String s) {
        String[] parts = s.trim().split("[\\s,]+");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException ex) {
                return new double[0];
            }
        }
        return out;
    }

    private static Color color(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("none")) {
            return null;
        }
        if (v.matches("#[0-9a-f]{3}")) {
            v = "#" + v.charAt(1) + v.charAt(1) + v.charAt(2) + v.charAt(2) + v.charAt(3) + v.charAt(3);
        }
        if (!v.matches("#[0-9a-f]{6}")) {
            throw new IllegalArgumentException("colour '" + value + "' is not supported (use #rgb, #rrggbb or none)");
        }
        return new Color(Integer.parseInt(v.substring(1), 16));
    }
}
