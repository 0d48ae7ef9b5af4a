package io.visualcircuit.runtime.circuit;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one rule for whether a parameter value fits its {@link ParamSpec}, used both when a circuit
 * file is validated and when the user types a value in the editor, so the two can never disagree.
 *
 * <p>Values are stored as {@link Double} (numbers), {@link Long} (whole numbers), {@link Boolean} or
 * {@link String}. {@link #problem} checks a stored value strictly (the text {@code "5"} in a file is
 * not a number); {@link #coerce} first reads text typed into a field as the parameter's type. The
 * reasons read after the parameter's name, such as {@code must be from 0 to 1, not 2.5}.
 * Stateless; any thread may call.
 */
public final class ParamCheck {
    /**
     * The largest whole number a parameter may hold: beyond it a {@code double} (the type of every
     * number in a Python block) no longer holds each whole number exactly.
     */
    public static final long MAX_WHOLE = 1L << 53;

    private ParamCheck() {
    }

    /** Why {@code value} does not fit {@code spec}, or empty when it does. */
    public static Optional<String> problem(ParamSpec spec, Object value) {
        return Optional.ofNullable(why(spec, value));
    }

    /**
     * The stored form of {@code value} for {@code spec}: text is read as a number or a boolean when
     * the parameter is one, numbers become a {@link Double} or, for whole-number parameters, a
     * {@link Long}.
     *
     * @throws IllegalArgumentException when the value does not fit; its message is the reason, as
     *                                  {@link #problem} words it
     */
    public static Object coerce(ParamSpec spec, Object value) {
        Object v = value instanceof String text ? fromText(spec.type(), text) : value;
        String wrong = why(spec, v);
        if (wrong != null) {
            throw new IllegalArgumentException(wrong);
        }
        return switch (spec.type()) {
            case NUMBER -> ((Number) v).doubleValue();
            case INTEGER -> v instanceof Double || v instanceof Float ? (long) ((Number) v).doubleValue()
                    : ((Number) v).longValue();
            default -> v;
        };
    }

    /** The text as the parameter's type, or the text itself when it does not read as one. */
    private static Object fromText(ParamType type, String text) {
        String t = text.strip();
        switch (type) {
            case NUMBER:
            case INTEGER:
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return text;
                }
            case BOOLEAN:
                if (t.equalsIgnoreCase("true")) {
                    return Boolean.TRUE;
                }
                return t.equalsIgnoreCase("false") ? Boolean.FALSE : text;
            default:
                return text;
        }
    }

    private static String why(ParamSpec spec, Object v) {
        switch (spec.type()) {
            case NUMBER:
            case INTEGER: {
                boolean whole = spec.type() == ParamType.INTEGER;
                if (!(v instanceof Number n)) {
                    return "must be " + (whole ? "a whole number" : "a number") + ", not " + describe(v);
                }
                double d = n.doubleValue();
                if (!Double.isFinite(d)) {
                    return "must be a finite number, not " + d;
                }
                if (whole && d != Math.rint(d)) {
                    return "must be a whole number, not " + plain(d);
                }
                if (whole && Math.abs(d) > MAX_WHOLE) {
                    return "must be from -" + MAX_WHOLE + " to " + MAX_WHOLE + ", not " + plain(d);
                }
                if ((spec.min() != null && d < spec.min()) || (spec.max() != null && d > spec.max())) {
                    return "must be " + range(spec) + ", not " + plain(d);
                }
                return null;
            }
            case BOOLEAN:
                return v instanceof Boolean ? null : "must be true or false, not " + describe(v);
            case CHOICE:
                if (!(v instanceof String s) || !spec.choices().contains(s)) {
                    return "must be one of " + spec.choices().stream().map(c -> "\"" + c + "\"")
                            .collect(Collectors.joining(", ")) + ", not " + describe(v);
                }
                return null;
            case STRING:
            case PATH:
                return v instanceof String ? null : "must be text, not " + describe(v);
            default:
                throw new IllegalStateException("unhandled parameter type " + spec.type());
        }
    }

    /** "from 0 to 1", "at least 0 Hz", "at most 9": the allowed values, with the unit. */
    private static String range(ParamSpec spec) {
        String unit = spec.unit() == null || spec.unit().isBlank() ? "" : " " + spec.unit();
        if (spec.min() != null && spec.max() != null) {
            return "from " + plain(spec.min()) + " to " + plain(spec.max()) + unit;
        }
        return spec.min() != null ? "at least " + plain(spec.min()) + unit : "at most " + plain(spec.max()) + unit;
    }

    /** 2.0 as "2", 2.5 as "2.5". */
    static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String describe(Object v) {
        if (v instanceof String s) {
            return "the text \"" + (s.length() > 40 ? s.substring(0, 37) + "..." : s) + "\"";
        }
        if (v instanceof Double || v instanceof Float) {
            return plain(((Number) v).doubleValue());
        }
        return v == null ? "nothing" : v.toString();
    }
}
