package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.ParamSpec;

/**
 * Checks a parameter value the user entered against its {@link ParamSpec} and turns it into the
 * form stored in circuits ({@link Double}, {@link Long}, {@link Boolean} or {@link String}). Text
 * typed into a field is accepted for numbers and booleans. Refusals name the parameter and say what
 * is expected, such as "gain1.k must be at most 10". Stateless and thread-safe.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * The stored form of {@code value} for a parameter described by {@code spec}.
     *
     * @param label how to name the parameter in a refusal, such as {@code "sine1.frequency"}
     */
    public static Object coerce(String label, ParamSpec spec, Object value) throws CommandRefusedException {
        return switch (spec.type()) {
            case NUMBER -> inRange(label, spec, toDouble(label, value));
            case INTEGER -> {
                long v = toLong(label, value);
                inRange(label, spec, (double) v);
                yield v;
            }
            case BOOLEAN -> toBoolean(label, value);
            case STRING, PATH -> {
                if (!(value instanceof String s)) {
                    throw new CommandRefusedException(label + " must be text");
                }
                yield s;
            }
            case CHOICE -> {
                if (!(value instanceof String s) || !spec.choices().contains(s)) {
                    throw new CommandRefusedException(label + " must be one of " + String.join(", ", spec.choices()));
                }
                yield s;
            }
        };
    }

    /**
     * The stored form of a value for a parameter no catalog describes (code blocks declare their
     * own): any finite number, boolean or text.
     */
    public static Object coerceFree(String label, Object value) throws CommandRefusedException {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new CommandRefusedException(label + " must be a finite number");
            }
            return d;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Boolean || value instanceof String) {
            return value;
        }
        throw new CommandRefusedException(label + " must be a number, true/false or text");
    }

    /**
     * The stored form of a value for a parameter without a catalog description whose current value
     * is {@code current}: text typed for a number or boolean parameter is read as one, so typing
     * "7" into a number field keeps it a number.
     */
    public static Object coerceLike(String label, Object current, Object value) throws CommandRefusedException {
        if (value instanceof String text) {
            if (current instanceof Double) {
                return toDouble(label, text);
            }
            if (current instanceof Long) {
                return toLong(label, text);
            }
            if (current instanceof Boolean) {
                return toBoolean(label, text);
            }
        }
        return coerceFree(label, value);
    }

    private static double toDouble(String label, Object value) throws CommandRefusedException {
        double d;
        if (value instanceof Number n) {
            d = n.doubleValue();
        } else if (value instanceof String s) {
            try {
                d = Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new CommandRefusedException(label + " must be a number, not '" + s + "'");
            }
        } else {
            throw new CommandRefusedException(label + " must be a number");
        }
        if (!Double.isFinite(d)) {
            throw new CommandRefusedException(label + " must be a finite number");
        }
        return d;
    }

    private static long toLong(String label, Object value) throws CommandRefusedException {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        double d;
        try {
            d = toDouble(label, value);
        } catch (CommandRefusedException e) {
            throw new CommandRefusedException(label + " must be a whole number"
                    + (value instanceof String s ? ", not '" + s + "'" : ""));
        }
        if (d != Math.rint(d) || Math.abs(d) > 9.007199254740992E15) {
            throw new CommandRefusedException(label + " must be a whole number");
        }
        return (long) d;
    }

    private static boolean toBoolean(String label, Object value) throws CommandRefusedException {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof String s) {
            String t = s.trim();
            if (t.equalsIgnoreCase("true")) {
                return true;
            }
            if (t.equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw new CommandRefusedException(label + " must be true or false");
    }

    private static double inRange(String label, ParamSpec spec, double v) throws CommandRefusedException {
        String unit = spec.unit() == null || spec.unit().isBlank() ? "" : " " + spec.unit();
        if (spec.min() != null && v < spec.min()) {
            throw new CommandRefusedException(label + " must be at least " + Edits.valueText(spec.min()) + unit);
        }
        if (spec.max() != null && v > spec.max()) {
            throw new CommandRefusedException(label + " must be at most " + Edits.valueText(spec.max()) + unit);
        }
        return v;
    }
}
