package io.visualcircuit.runtime.blocks;

/**
 * The values on a block's input wires for one step. Values are {@link Double}, {@link Boolean},
 * {@link String}, {@code double[]} (arrays) or {@link ImageFrame}; a port with no wire, or whose
 * writer has not written yet, has no value.
 */
public interface Inputs {
    /** The latest value on the port, or null when there is none yet. */
    Object get(String port);

    /** True when the port received a value since the previous step. */
    boolean isNew(String port);

    /** The value as a number (booleans are 1 or 0), or {@code otherwise} when there is none. */
    default double number(String port, double otherwise) {
        Object v = get(port);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return otherwise;
    }

    /** The value as a boolean (numbers are true when non-zero), or {@code otherwise}. */
    default boolean bool(String port, boolean otherwise) {
        Object v = get(port);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        return otherwise;
    }

    default ImageFrame image(String port) {
        return get(port) instanceof ImageFrame f ? f : null;
    }
}
