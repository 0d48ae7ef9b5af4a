package io.visualcircuit.app.document.commands;

import io.visualcircuit.app.document.CommandRefusedException;
import io.visualcircuit.runtime.circuit.ParamCheck;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.ParamType;

/**
 * Checks a parameter value the user entered and turns it into the form stored in circuits
 * ({@link Double}, {@link Long}, {@link Boolean} or {@link String}). The rule itself is the runtime's
 * {@link ParamCheck}, the same one that validates circuit files, so a value the editor accepts never
 * fails when the circuit is run. Refusals name the parameter, such as "gain1.k must be from -10 to
 * 10, not 11". Stateless and thread-safe.
 */
public final class ParameterValues {
    private ParameterValues() {
    }

    /**
     * The stored form of {@code value} for a parameter described by {@code spec}; text typed into a
     * field is read as a number or boolean when the parameter is one.
     *
     * @param label how to name the parameter in a refusal, such as {@code "sine1.frequency"}
     */
    public static Object coerce(String label, ParamSpec spec, Object value) throws CommandRefusedException {
        try {
            return ParamCheck.coerce(spec, value);
        } catch (IllegalArgumentException e) {
            throw new CommandRefusedException(label + " " + e.getMessage());
        }
    }

    /**
     * The stored form of a value for a parameter no catalog describes (code blocks declare their
     * own): any finite number, boolean or text.
     */
    public static Object coerceFree(String label, Object value) throws CommandRefusedException {
        if (value instanceof Double || value instanceof Float) {
            return coerce(label, unranged(label, ParamType.NUMBER), value);
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
        if (value instanceof String) {
            if (current instanceof Double) {
                return coerce(label, unranged(label, ParamType.NUMBER), value);
            }
            if (current instanceof Long) {
                return coerce(label, unranged(label, ParamType.INTEGER), value);
            }
            if (current instanceof Boolean) {
                return coerce(label, unranged(label, ParamType.BOOLEAN), value);
            }
        }
        return coerceFree(label, value);
    }

    /** A parameter of {@code type} with no range, for values a code block declares itself. */
    private static ParamSpec unranged(String name, ParamType type) {
        return new ParamSpec(name, type, null, null, null, null, null, null);
    }
}
