package io.visualcircuit.runtime.vc;

import io.visualcircuit.runtime.circuit.Validator;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Conversions of VisualCircuit's text fields into our typed values: block frequencies, constant
 * values and readable block ids. Stateless; any thread.
 */
final class VcValues {
    /** VisualCircuit's rate when a code block gives 0, nothing or something unreadable. */
    static final double DEFAULT_RATE_HZ = 30.0;

    private static final Pattern FREQUENCY =
            Pattern.compile("((?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?)\\s*([kKMm]?)\\s*(?:[Hh][Zz])?");

    /** A JSON number, nothing else: no sign prefix '+', no leading zeros, no hex, no 'NaN'. */
    private static final Pattern NUMBER = Pattern.compile("-?(?:0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private VcValues() {
    }

    /** The result of reading a frequency: the rate to use, and why it differs from the text (or null). */
    record Rate(double hz, String problem) {
    }

    /**
     * Reads a code block's frequency text the way VisualCircuit does: Hz, with an optional
     * {@code k} (kilo), {@code M} (mega) or {@code m} (milli) suffix; 0 or empty text means 30 Hz.
     * Unreadable or negative text also gives 30 Hz, with a problem to report.
     */
    static Rate rate(String text) {
        if (text == null || text.isBlank()) {
            return new Rate(DEFAULT_RATE_HZ, null);
        }
        Matcher m = FREQUENCY.matcher(text.strip());
        if (!m.matches()) {
            return new Rate(DEFAULT_RATE_HZ, "frequency \"" + text + "\" is not a number of Hz; using 30 Hz");
        }
        double value = Double.parseDouble(m.group(1));
        value *= switch (m.group(2)) {
            case "k", "K" -> 1e3;
            case "M" -> 1e6;
            case "m" -> 1e-3;
            default -> 1.0;
        };
        if (value == 0.0) {
            return new Rate(DEFAULT_RATE_HZ, null);
        }
        if (!Double.isFinite(value)) {
            return new Rate(DEFAULT_RATE_HZ, "frequency \"" + text + "\" is too large; using 30 Hz");
        }
        if (value > Validator.MAX_RATE) {
            return new Rate(Validator.MAX_RATE, "frequency \"" + text + "\" is faster than blocks can run here; using "
                    + (long) Validator.MAX_RATE + " Hz");
        }
        return new Rate(value, null);
    }

    /**
     * A constant's text as a parameter value: a {@link Long} for whole numbers, a {@link Double} for
     * other numbers written as JSON numbers, else the text unchanged. Anything that is not plainly a
     * number (such as {@code "5,5"}, {@code "0x10"} or {@code "NaN"}) stays text, so no value is
     * silently reinterpreted.
     */
    static Object constantValue(String text) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        Matcher m = NUMBER.matcher(t);
        if (!m.matches()) {
            return text;
        }
        if (m.group(1) == null && m.group(2) == null) {
            try {
                return Long.parseLong(t);
            } catch (NumberFormatException tooLong) {
                // falls through to a double
            }
        }
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? (Object) d : text;
    }

    /**
     * A readable id made of lower-case letters, digits and underscores, such as {@code pid} or
     * {@code lower_threshold}; {@code fallback} when the text has nothing usable.
     */
    static String slug(String text, String fallback) {
        if (text == null) {
            return fallback;
        }
        StringBuilder sb = new StringBuilder();
        boolean gap = false;
        for (char c : text.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (gap && sb.length() > 0) {
                    sb.append('_');
                }
                sb.append(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        if (sb.length() == 0) {
            return fallback;
        }
        if (Character.isDigit(sb.charAt(0))) {
            sb.insert(0, fallback + "_");
        }
        if (sb.length() > 40) {
            sb.setLength(40);
        }
        return sb.toString();
    }

    /** {@code base}, or {@code base_1}, {@code base_2}... whichever is not yet in {@code used}; adds it. */
    static String unique(String base, Set<String> used) {
        String id = base;
        for (int i = 1; used.contains(id); i++) {
            id = base + "_" + i;
        }
        used.add(id);
        return id;
    }
}
