package io.visualcircuit.app.live;

import java.util.Arrays;

/**
 * A value read from a wire, in the shape the live view needs for drawing. Immutable once handed
 * out: the arrays inside are never written after construction, so a value may be shared between
 * the sampler thread and the FX thread.
 */
public sealed interface LiveValue {

    /** A number (integers are numbers too; they print without a fraction). */
    record Number(double value) implements LiveValue {
    }

    record Bool(boolean value) implements LiveValue {
    }

    record Text(String value) implements LiveValue {
    }

    /** A numeric array; {@code shape} gives its dimensions, {@code data} is row-major. */
    record Array(int[] shape, double[] data) implements LiveValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Array a && Arrays.equals(shape, a.shape) && Arrays.equals(data, a.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Array" + Arrays.toString(shape);
        }
    }

    /** A uint8 image, channels 1 (gray), 3 (BGR, as OpenCV writes it) or 4 (BGRA). */
    record Image(int height, int width, int channels, byte[] pixels) implements LiveValue {
        @Override
        public boolean equals(Object o) {
            return o instanceof Image i && height == i.height && width == i.width && channels == i.channels
                    && Arrays.equals(pixels, i.pixels);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(pixels);
        }

        @Override
        public String toString() {
            return "Image[" + height + "x" + width + "x" + channels + "]";
        }
    }

    /** The value as a double when it has one (numbers, booleans as 0/1), else NaN. */
    default double asDouble() {
        if (this instanceof Number n) {
            return n.value();
        }
        if (this instanceof Bool b) {
            return b.value() ? 1 : 0;
        }
        return Double.NaN;
    }
}
