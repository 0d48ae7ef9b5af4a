package io.visualcircuit.runtime.blocks;

/** Where a block writes its results for one step. Each call publishes a new value on the wire. */
public interface Outputs {
    /** Publishes a value: a Double, Boolean, String, double[] or {@link ImageFrame}. */
    void put(String port, Object value);

    default void number(String port, double value) {
        put(port, value);
    }

    default void bool(String port, boolean value) {
        put(port, value);
    }

    default void string(String port, String value) {
        put(port, value);
    }

    default void image(String port, ImageFrame frame) {
        put(port, frame);
    }
}
