package io.visualcircuit.app.live;

import java.util.Locale;

/**
 * Formats live values and rates compactly for labels on wires (a few characters, so the canvas
 * stays readable) and in full for probes. Stateless; any thread.
 */
public final class ValueFormat {
    private static final int LABEL_TEXT_LIMIT = 18;

    private ValueFormat() {
    }

    /** A number in at most about 7 characters: 0, 42, -3.14, 0.00123 -> 1.23e-3 (below 0.01 in scientific form), 123456789 -> 1.23e8. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e6) {
            return Long.toString((long) v);
        }
        if (a >= 1e6 || a < 1e-2) {
            String s = String.format(Locale.ROOT, "%.2e", v);
            // "1.23e+08" -> "1.23e8", "1.20e-03" -> "1.2e-3": shorter labels read faster.
            int e = s.indexOf('e');
            String mant = stripZeros(s.substring(0, e));
            int exp = Integer.parseInt(s.substring(e + 1));
            return mant + "e" + exp;
        }
        int decimals = a >= 1000 ? 1 : a >= 100 ? 2 : 3;
        return stripZeros(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    private static String stripZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        if (s.charAt(end - 1) == '.') {
            end--;
        }
        return s.substring(0, end);
    }

    /** The short label drawn on a wire for this value. */
    public static String label(LiveValue value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LiveValue.Number n) {
            return number(n.value());
        }
        if (value instanceof LiveValue.Bool b) {
            return b.value() ? "true" : "false";
        }
        if (value instanceof LiveValue.Text t) {
            return quoteShort(t.value());
        }
        if (value instanceof LiveValue.Array a) {
            return "[" + shape(a.shape()) + "]";
        }
        LiveValue.Image i = (LiveValue.Image) value;
        return i.width() + "x" + i.height() + (i.channels() == 1 ? " gray" : "");
    }

    /** A longer description for probes: full strings (up to a limit), array summaries, image shapes. */
    public static String detail(LiveValue value) {
        if (value == null) {
            return "no value yet";
        }
        if (value instanceof LiveValue.Number n) {
            return Double.toString(n.value());
        }
        if (value instanceof LiveValue.Bool b) {
            return Boolean.toString(b.value());
        }
        if (value instanceof LiveValue.Text t) {
            return t.value().length() > 200 ? t.value().substring(0, 199) + "…" : t.value();
        }
        if (value instanceof LiveValue.Array a) {
            return "array " + shape(a.shape()) + preview(a.data());
        }
        LiveValue.Image i = (LiveValue.Image) value;
        return "image " + i.height() + "x" + i.width() + "x" + i.channels() + " uint8";
    }

    /** Updates per second, e.g. "500/s", "1.2k/s". */
    public static String rate(double perSecond) {
        if (perSecond >= 10_000) {
            return Math.round(perSecond / 1000) + "k/s";
        }
        if (perSecond >= 1000) {
            return String.format(Locale.ROOT, "%.1fk/s", perSecond / 1000);
        }
        return Math.round(perSecond) + "/s";
    }

    /** Resident memory, e.g. "38 MB". */
    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "?";
        }
        if (bytes < 1024 * 1024) {
            return (bytes / 1024) + " kB";
        }
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static String shape(int[] shape) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < shape.length; i++) {
            if (i > 0) {
                sb.append('x');
            }
            sb.append(shape[i]);
        }
        return sb.toString();
    }

    private static String preview(double[] data) {
        StringBuilder sb = new StringBuilder(": ");
        int n = Math.min(data.length, 6);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(number(data[i]));
        }
        if (data.length > n) {
            sb.append(", …");
        }
        return sb.toString();
    }

    private static String quoteShort(String s) {
        String oneLine = s.replace('\n', ' ').replace('\r', ' ');
        if (oneLine.length() > LABEL_TEXT_LIMIT) {
            oneLine = oneLine.substring(0, LABEL_TEXT_LIMIT - 1) + "…";
        }
        return "\"" + oneLine + "\"";
    }
}
