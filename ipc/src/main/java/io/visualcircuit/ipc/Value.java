package io.visualcircuit.ipc;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A value that travels on a wire. Each variant maps to one type code of the wire format (see
 * {@link WireLayout}). Values are immutable by contract: the arrays a value holds belong to it, and
 * neither producers nor consumers may change them after handing them over. Safe to share between
 * threads once constructed.
 */
public sealed interface Value {

    /** The wire format's type code for this value. */
    int typeCode();

    /** Bytes this value occupies in a slot's payload. */
    long encodedLength();

    /** A 64-bit float, the type of most VisualCircuit ports. */
    record NumberValue(double value) implements Value {
        @Override
        public int typeCode() {
            return WireLayout.TYPE_NUMBER;
        }

        @Override
        public long encodedLength() {
            return 8;
        }
    }

    /** A boolean, stored as one byte 0 or 1. */
    record BooleanValue(boolean value) implements Value {
        @Override
        public int typeCode() {
            return WireLayout.TYPE_BOOLEAN;
        }

        @Override
        public long encodedLength() {
            return 1;
        }
    }

    /** A signed 64-bit integer. */
    record LongValue(long value) implements Value {
        @Override
        public int typeCode() {
            return WireLayout.TYPE_LONG;
        }

        @Override
        public long encodedLength() {
            return 8;
        }
    }

    /** Text of any length, carried as UTF-8. */
    record StringValue(String value) implements Value {
        public StringValue {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public int typeCode() {
            return WireLayout.TYPE_STRING;
        }

        @Override
        public long encodedLength() {
            return value.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    /**
     * An n-dimensional array of 64-bit floats in row-major (C) order.
     *
     * @param shape the size of each dimension; its product equals {@code data.length}
     */
    record DoubleArrayValue(int[] shape, double[] data) implements Value {
        public DoubleArrayValue {
            Objects.requireNonNull(data, "data");
            shape = shape == null || shape.length == 0 ? new int[] {data.length} : shape;
            long product = Value.checkedProduct(shape);
            if (product != data.length) {
                throw new IllegalArgumentException("array shape " + Arrays.toString(shape) + " holds " + product
                        + " elements but " + data.length + " were given");
            }
        }

        @Override
        public int typeCode() {
            return WireLayout.TYPE_DOUBLE_ARRAY;
        }

        @Override
        public long encodedLength() {
            return Value.arrayHeaderLength(shape.length, 0) + 8L * data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof DoubleArrayValue other && Arrays.equals(shape, other.shape)
                    && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "DoubleArrayValue[shape=" + Arrays.toString(shape) + ", data=" + Value.preview(data) + "]";
        }
    }

    /**
     * An 8-bit image, rows top to bottom, pixels interleaved (for example BGR as OpenCV stores it).
     *
     * @param channels 1 (gray), 3 or 4
     */
    record ImageValue(int height, int width, int channels, byte[] pixels) implements Value {
        public ImageValue {
            Objects.requireNonNull(pixels, "pixels");
            if (height < 0 || width < 0) {
                throw new IllegalArgumentException("image size " + height + "x" + width + " is negative");
            }
            if (channels != 1 && channels != 3 && channels != 4) {
                throw new IllegalArgumentException("images have 1, 3 or 4 channels, not " + channels);
            }
            if ((long) height * width * channels != pixels.length) {
                throw new IllegalArgumentException("a " + height + "x" + width + "x" + channels + " image needs "
                        + (long) height * width * channels + " bytes but " + pixels.length + " were given");
            }
        }

        @Override
        public int typeCode() {
            return WireLayout.TYPE_IMAGE;
        }

        @Override
        public long encodedLength() {
            return 16L + pixels.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ImageValue other && height == other.height && width == other.width
                    && channels == other.channels && Arrays.equals(pixels, other.pixels);
        }

        @Override
        public int hashCode() {
            return Objects.hash(height, width, channels) * 31 + Arrays.hashCode(pixels);
        }

        @Override
        public String toString() {
            return "ImageValue[" + height + "x" + width + "x" + channels + "]";
        }
    }

    /**
     * Any numpy array: raw bytes plus numpy's typestr (for example {@code "<f4"}, {@code "|u1"},
     * {@code "<i8"}) and shape, row-major.
     */
    record NdArrayValue(String typestr, int[] shape, byte[] data) implements Value {
        private static final Pattern TYPESTR = Pattern.compile("[<>|=][bBiufcmMOSUV?][0-9]{1,4}");

        public NdArrayValue {
            Objects.requireNonNull(typestr, "typestr");
            Objects.requireNonNull(shape, "shape");
            Objects.requireNonNull(data, "data");
            int size = itemSize(typestr);
            long product = Value.checkedProduct(shape);
            if (product * size != data.length) {
                throw new IllegalArgumentException("an array of " + typestr + " with shape " + Arrays.toString(shape)
                        + " needs " + product * size + " bytes but " + data.length + " were given");
            }
        }

        /** Bytes per element of a typestr such as {@code "<f8"}; rejects malformed typestrs. */
        public static int itemSize(String typestr) {
            if (typestr.length() > WireLayout.MAX_TYPESTR_LENGTH || !TYPESTR.matcher(typestr).matches()) {
                throw new IllegalArgumentException("not a numpy typestr: '" + typestr + "'");
            }
            int count = Integer.parseInt(typestr.substring(2));
            if (count == 0) {
                throw new IllegalArgumentException("numpy typestr '" + typestr + "' has item size 0");
            }
            // numpy counts characters for its unicode kind and stores each as 4 bytes (UCS-4).
            return typestr.charAt(1) == 'U' ? Math.multiplyExact(count, 4) : count;
        }

        @Override
        public int typeCode() {
            return WireLayout.TYPE_NDARRAY;
        }

        @Override
        public long encodedLength() {
            return Value.arrayHeaderLength(shape.length, typestr.length()) + data.length;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof NdArrayValue other && typestr.equals(other.typestr) && Arrays.equals(shape, other.shape)
                    && Arrays.equals(data, other.data);
        }

        @Override
        public int hashCode() {
            return (typestr.hashCode() * 31 + Arrays.hashCode(shape)) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "NdArrayValue[" + typestr + " " + Arrays.toString(shape) + ", " + data.length + " bytes]";
        }
    }

    /**
     * Length of the array header before the element data: ndim (u32), shape (u32 each), then for
     * n-d arrays a typestr length (u32) and the typestr, padded to 8 bytes.
     */
    static long arrayHeaderLength(int ndim, int typestrLength) {
        long raw = 4L + 4L * ndim + (typestrLength > 0 ? 4L + typestrLength : 0);
        return (raw + 7) & ~7L;
    }

    static long checkedProduct(int[] shape) {
        if (shape.length > WireLayout.MAX_DIMENSIONS) {
            throw new IllegalArgumentException("arrays have at most " + WireLayout.MAX_DIMENSIONS + " dimensions, not "
                    + shape.length);
        }
        long product = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("array shape " + Arrays.toString(shape) + " has a negative size");
            }
            product *= d;
            if (product > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("array shape " + Arrays.toString(shape) + " is too large");
            }
        }
        return product;
    }

    private static String preview(double[] data) {
        if (data.length <= 8) {
            return Arrays.toString(data);
        }
        return Arrays.toString(Arrays.copyOf(data, 8)).replace("]", ", ... (" + data.length + " values)]");
    }
}
