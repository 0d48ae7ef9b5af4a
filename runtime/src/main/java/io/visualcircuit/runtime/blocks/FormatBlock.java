package io.visualcircuit.runtime.blocks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code format}: fills the {@code template} parameter with the inputs {@code a}, {@code b} and
 * {@code c} (any type) and writes the string on {@code out} on every step.
 *
 * <p>Template rules: {@code {a}} is replaced by the value of {@code a}; {@code {a:.2f}} shows a
 * number with 2 decimals (0 to 15); <code>{{</code> and <code>}}</code> stand for literal braces; any other
 * text in braces is kept as it is. An input without a value shows as {@code ?}, so a half-wired
 * circuit still shows its text. Whole numbers show without a decimal point ({@code 3}, not
 * {@code 3.0}); booleans as {@code true}/{@code false}; arrays as {@code [1, 2.5]} (the first 16
 * elements); images as {@code image HxWxC}.
 */
final class FormatBlock implements JavaBlock {
    static final String MISSING = "?";
    private static final int MAX_ARRAY_ELEMENTS = 16;

    /** A literal piece of text, or a placeholder for an input with an optional number of decimals. */
    private record Piece(String literal, String port, int decimals) {
    }

    private String parsedTemplate;
    private List<Piece> pieces;

    @Override
    public void step(Inputs inputs, Outputs outputs, Params params) {
        String template = params.string("template", "{a}");
        if (!template.equals(parsedTemplate)) {
            pieces = parse(template);
            parsedTemplate = template;
        }
        StringBuilder sb = new StringBuilder(template.length() + 16);
        for (Piece p : pieces) {
            if (p.literal != null) {
                sb.append(p.literal);
            } else {
                sb.append(render(inputs.get(p.port), p.decimals));
            }
        }
        outputs.string("out", sb.toString());
    }

    private static List<Piece> parse(String template) {
        List<Piece> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char ch = template.charAt(i);
            if ((ch == '{' || ch == '}') && i + 1 < n && template.charAt(i + 1) == ch) {
                text.append(ch);
                i += 2;
                continue;
            }
            if (ch == '{') {
                int close = template.indexOf('}', i + 1);
                Piece placeholder = close < 0 ? null : placeholder(template.substring(i + 1, close));
                if (placeholder != null) {
                    if (text.length() > 0) {
                        out.add(new Piece(text.toString(), null, -1));
                        text.setLength(0);
                    }
                    out.add(placeholder);
                    i = close + 1;
                    continue;
                }
            }
            text.append(ch);
            i++;
        }
        if (text.length() > 0) {
            out.add(new Piece(text.toString(), null, -1));
        }
        return out;
    }

    /** Parses {@code a} or {@code a:.2f} (without braces); null when it is not a placeholder. */
    private static Piece placeholder(String inside) {
        String s = inside.trim();
        String port = s;
        int decimals = -1;
        int colon = s.indexOf(':');
        if (colon >= 0) {
            port = s.substring(0, colon).trim();
            String spec = s.substring(colon + 1).trim();
            if (spec.length() < 3 || spec.charAt(0) != '.' || spec.charAt(spec.length() - 1) != 'f') {
                return null;
            }
            try {
                decimals = Integer.parseInt(spec.substring(1, spec.length() - 1));
            } catch (NumberFormatException e) {
                return null;
            }
            if (decimals < 0 || decimals > 15) {
                return null;
            }
        }
        return switch (port) {
            case "a", "b", "c" -> new Piece(null, port, decimals);
            default -> null;
        };
    }

    static String render(Object value, int decimals) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            return decimals >= 0 && Double.isFinite(d)
                    ? String.format(Locale.ROOT, "%." + decimals + "f", d)
                    : number(d);
        }
        if (value instanceof double[] a) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < a.length && i < MAX_ARRAY_ELEMENTS; i++) {
                sb.append(i == 0 ? "" : ", ").append(number(a[i]));
            }
            return sb.append(a.length > MAX_ARRAY_ELEMENTS ? ", ...]" : "]").toString();
        }
        if (value instanceof ImageFrame f) {
            return "image " + f.height() + "x" + f.width() + "x" + f.channels();
        }
        return value.toString();
    }

    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
