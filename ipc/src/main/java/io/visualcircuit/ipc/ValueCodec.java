package io.visualcircuit.ipc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Encodes values into a slot payload and decodes them back. Decoding treats every length and shape
 * as untrusted: it returns {@code null} instead of allocating or reading past the payload when the
 * bytes do not describe a value (a torn read or a hostile segment), and lets the caller decide which
 * it was. Stateless; any thread.
 */
final class ValueCodec {
    private ValueCodec() {
    }

    /** Writes {@code value}'s payload at {@code pos}; the caller has checked the capacity. */
    static void encode(ByteBuffer buf, int pos, Value value, byte[] utf8) {
        if (value instanceof Value.NumberValue n) {
            buf.putDouble(pos, n.value());
        } else if (value instanceof Value.BooleanValue b) {
            buf.put(pos, (byte) (b.value() ? 1 : 0));
        } else if (value instanceof Value.LongValue l) {
            buf.putLong(pos, l.value());
        } else if (value instanceof Value.StringValue) {
            buf.put(pos, utf8);
        } else if (value instanceof Value.DoubleArrayValue a) {
            int dataPos = putShape(buf, pos, a.shape(), null);
            putDoubles(buf, dataPos, a.data());
        } else if (value instanceof Value.ImageValue img) {
            putImage(buf, pos, img.pixels(), img.height(), img.width(), img.channels());
        } else if (value instanceof Value.NdArrayValue nd) {
            int dataPos = putShape(buf, pos, nd.shape(), nd.typestr());
            buf.put(dataPos, nd.data());
        } else {
            throw new IllegalArgumentException("unknown value type " + value.getClass().getName());
        }
    }

    static void putImage(ByteBuffer buf, int pos, byte[] pixels, int h, int w, int c) {
        buf.putInt(pos, h);
        buf.putInt(pos + 4, w);
        buf.putInt(pos + 8, c);
        buf.putInt(pos + 12, 0);
        buf.put(pos + 16, pixels, 0, h * w * c);
    }

    /** Writes ndim, shape and (for n-d arrays) the typestr; returns where element data starts. */
    static int putShape(ByteBuffer buf, int pos, int[] shape, String typestr) {
        buf.putInt(pos, shape.length);
        int p = pos + 4;
        for (int d : shape) {
            buf.putInt(p, d);
            p += 4;
        }
        if (typestr != null) {
            byte[] ts = typestr.getBytes(StandardCharsets.US_ASCII);
            buf.putInt(p, ts.length);
            buf.put(p + 4, ts);
            p += 4 + ts.length;
        }
        int dataPos = pos + (int) Value.arrayHeaderLength(shape.length, typestr == null ? 0 : typestr.length());
        for (int z = p; z < dataPos; z++) {
            buf.put(z, (byte) 0);
        }
        return dataPos;
    }

    static void putDoubles(ByteBuffer buf, int pos, double[] data) {
        ByteBuffer view = buf.slice(pos, data.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        view.asDoubleBuffer().put(data);
    }

    /**
     * Decodes a payload of {@code length} bytes at {@code pos}. Returns null when the bytes are not a
     * well-formed value of {@code type}.
     */
    static Value decode(ByteBuffer buf, int pos, int type, long length) {
        switch (type) {
            case WireLayout.TYPE_NUMBER:
                return length == 8 ? new Value.NumberValue(buf.getDouble(pos)) : null;
            case WireLayout.TYPE_BOOLEAN:
                if (length != 1) {
                    return null;
                }
                byte b = buf.get(pos);
                return b == 0 || b == 1 ? new Value.BooleanValue(b == 1) : null;
            case WireLayout.TYPE_LONG:
                return length == 8 ? new Value.LongValue(buf.getLong(pos)) : null;
            case WireLayout.TYPE_STRING: {
                byte[] bytes = new byte[(int) length];
                buf.get(pos, bytes);
                return new Value.StringValue(new String(bytes, StandardCharsets.UTF_8));
            }
            case WireLayout.TYPE_DOUBLE_ARRAY:
                return decodeDoubleArray(buf, pos, length);
            case WireLayout.TYPE_IMAGE:
                return decodeImage(buf, pos, length);
            case WireLayout.TYPE_NDARRAY:
                return decodeNdArray(buf, pos, length);
            default:
                return null;
        }
    }

    private static int[] readShape(ByteBuffer buf, int pos, long length) {
        if (length < 4) {
            return null;
        }
        int ndim = buf.getInt(pos);
        if (ndim < 0 || ndim > WireLayout.MAX_DIMENSIONS || 4L + 4L * ndim > length) {
            return null;
        }
        int[] shape = new int[ndim];
        long product = 1;
        for (int i = 0; i < ndim; i++) {
            int d = buf.getInt(pos + 4 + 4 * i);
            if (d < 0) {
                return null;
            }
            shape[i] = d;
            product *= d;
            if (product > length) {
                return null;
            }
        }
        return shape;
    }

    private static long product(int[] shape) {
        long p = 1;
        for (int d : shape) {
            p *= d;
        }
        return p;
    }

    private static Value decodeDoubleArray(ByteBuffer buf, int pos, long length) {
        int[] shape = readShape(buf, pos, length);
        if (shape == null) {
            return null;
        }
        long header = Value.arrayHeaderLength(shape.length, 0);
        long count = product(shape);
        if (header + 8 * count != length || shape.length == 0) {
            return null;
        }
        double[] data = new double[(int) count];
        buf.slice(pos + (int) header, (int) (8 * count)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(data);
        return new Value.DoubleArrayValue(shape, data);
    }

    private static Value decodeImage(ByteBuffer buf, int pos, long length) {
        if (length < 16) {
            return null;
        }
        int h = buf.getInt(pos);
        int w = buf.getInt(pos + 4);
        int c = buf.getInt(pos + 8);
        if (h < 0 || w < 0 || (c != 1 && c != 3 && c != 4) || 16L + (long) h * w * c != length) {
            return null;
        }
        byte[] pixels = new byte[h * w * c];
        buf.get(pos + 16, pixels);
        return new Value.ImageValue(h, w, c, pixels);
    }

    /**
     * Decodes an image payload straight into {@code into}'s reusable pixel array (one copy out of
     * shared memory, no allocation while frames keep their size). Returns false, leaving the
     * buffer's metadata alone, when the bytes are not a well-formed image.
     */
    static boolean decodeImageInto(ByteBuffer buf, int pos, long length, SampleBuffer into) {
        if (length < 16) {
            return false;
        }
        int h = buf.getInt(pos);
        int w = buf.getInt(pos + 4);
        int c = buf.getInt(pos + 8);
        if (h < 0 || w < 0 || (c != 1 && c != 3 && c != 4) || 16L + (long) h * w * c != length) {
            return false;
        }
        byte[] pixels = into.pixelsForImage(h * w * c);
        buf.get(pos + 16, pixels, 0, pixels.length);
        into.setImage(h, w, c);
        return true;
    }

    private static Value decodeNdArray(ByteBuffer buf, int pos, long length) {
        int[] shape = readShape(buf, pos, length);
        if (shape == null) {
            return null;
        }
        int p = pos + 4 + 4 * shape.length;
        if (4L + 4L * shape.length + 4 > length) {
            return null;
        }
        int tsLength = buf.getInt(p);
        if (tsLength <= 0 || tsLength > WireLayout.MAX_TYPESTR_LENGTH
                || 4L + 4L * shape.length + 4 + tsLength > length) {
            return null;
        }
        byte[] ts = new byte[tsLength];
        buf.get(p + 4, ts);
        String typestr = new String(ts, StandardCharsets.US_ASCII);
        int itemSize;
        try {
            itemSize = Value.NdArrayValue.itemSize(typestr);
        } catch (IllegalArgumentException e) {
            return null;
        }
        long header = Value.arrayHeaderLength(shape.length, tsLength);
        long bytes = product(shape) * itemSize;
        if (header + bytes != length) {
            return null;
        }
        byte[] data = new byte[(int) bytes];
        buf.get(pos + (int) header, data);
        return new Value.NdArrayValue(typestr, shape, data);
    }
}
