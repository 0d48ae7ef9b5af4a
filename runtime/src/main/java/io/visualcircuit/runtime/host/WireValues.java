package io.visualcircuit.runtime.host;

import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.blocks.ImageFrame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts between wire values ({@link Value}) and the plain Java objects blocks see: Double,
 * Boolean, String, double[] and {@link ImageFrame}. Stateless; safe from any thread.
 */
public final class WireValues {
    private WireValues() {
    }

    /** The block-side object for a wire value; integers become Double, as numbers do everywhere in a circuit. */
    public static Object toObject(Value v) {
        if (v instanceof Value.NumberValue n) {
            return n.value();
        }
        if (v instanceof Value.BooleanValue b) {
            return b.value();
        }
        if (v instanceof Value.LongValue l) {
            return (double) l.value();
        }
        if (v instanceof Value.StringValue s) {
            return s.value();
        }
        if (v instanceof Value.DoubleArrayValue a) {
            return a.data();
        }
        if (v instanceof Value.ImageValue i) {
            return new ImageFrame(i.height(), i.width(), i.channels(), i.pixels());
        }
        if (v instanceof Value.NdArrayValue nd) {
            return fromNdArray(nd);
        }
        return null;
    }

    private static Object fromNdArray(Value.NdArrayValue nd) {
        String t = nd.typestr();
        int[] shape = nd.shape();
        if (t.endsWith("u1") && (shape.length == 2 || shape.length == 3)) {
            int c = shape.length == 3 ? shape[2] : 1;
            if (c == 1 || c == 3 || c == 4) {
                return new ImageFrame(shape[0], shape[1], c, nd.data());
            }
        }
        if (t.equals("<f8") || t.equals("=f8")) {
            double[] out = new double[nd.data().length / 8];
            ByteBuffer.wrap(nd.data()).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
            return out;
        }
        return null;
    }

    /**
     * Publishes a block-side object: a Number, Boolean, String, double[] or {@link ImageFrame}.
     *
     * @throws IllegalArgumentException for any other kind of object
     */
    public static void write(WireWriter w, Object value) {
        if (value instanceof Double d) {
            w.writeDouble(d);
        } else if (value instanceof Boolean b) {
            w.writeBoolean(b);
        } else if (value instanceof Number n) {
            w.writeDouble(n.doubleValue());
        } else if (value instanceof String s) {
            w.writeString(s);
        } else if (value instanceof double[] a) {
            w.writeDoubleArray(a, a.length);
        } else if (value instanceof ImageFrame f) {
            w.writeImage(f.pixels(), f.height(), f.width(), f.channels());
        } else {
            throw new IllegalArgumentException("a wire cannot carry "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
    }
}
