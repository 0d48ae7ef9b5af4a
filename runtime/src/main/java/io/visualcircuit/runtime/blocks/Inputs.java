package io.visualcircuit.runtime.blocks;

/**
 * The values on a block's input wires for one step. Values are {@link Double}, {@link Boolean},
 * {@link String}, {@code double[]} (arrays) or {@link ImageFrame}; a port with no wire, or whose
 * writer has not written yet, has no value.
 *
 * <p>An {@link ImageFrame} input is valid and unchanging for the step that receives it, but its
 * pixel array is reused for later frames of the same size (reading a camera stream then allocates
 * nothing). Treat input frames as read-only, and copy the pixels of a frame kept beyond its step.
 * A new frame is always a new {@code ImageFrame} object.
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
