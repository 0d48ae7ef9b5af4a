package io.visualcircuit.app.live;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.run.WireInfo;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A wire's shared-memory segment mapped read-only, converting wire values into {@link LiveValue}s.
 *
 * <p>Threading: like every {@link WireSource}, used and closed only by the thread that opened it
 * (the sampler or recorder thread).
 */
public final class IpcWireSource implements WireSource {
    /** Arrays longer than this are summarised (first elements kept) so one wire cannot stall sampling. */
    static final int MAX_ARRAY_ELEMENTS = 1 << 20;

    private final WireReader reader;

    private IpcWireSource(WireReader reader) {
        this.reader = reader;
    }

    /** The opener for real runs: maps {@link WireInfo#segment()} read-only. */
    public static WireSource open(WireInfo wire) {
        return new IpcWireSource(WireReader.open(wire.segment()));
    }

    @Override
    public WireSample readIfNewer(long lastSequence) {
        Sample s = reader.readIfNewer(lastSequence);
        return s == null ? null : new WireSample(s.sequence(), convert(s.value()));
    }

    @Override
    public void close() {
        reader.close();
    }

    /** Converts a wire value; numpy arrays of numbers become double arrays, others a text summary. */
    static LiveValue convert(Value v) {
        if (v instanceof Value.NumberValue n) {
            return new LiveValue.Number(n.value());
        }
        if (v instanceof Value.LongValue l) {
            return new LiveValue.Number(l.value());
        }
        if (v instanceof Value.BooleanValue b) {
            return new LiveValue.Bool(b.value());
        }
        if (v instanceof Value.StringValue s) {
            return new LiveValue.Text(s.value());
        }
        if (v instanceof Value.DoubleArrayValue a) {
            return new LiveValue.Array(a.shape(), a.data());
        }
        if (v instanceof Value.ImageValue i) {
            return new LiveValue.Image(i.height(), i.width(), i.channels(), i.pixels());
        }
        Value.NdArrayValue nd = (Value.NdArrayValue) v;
        double[] data = ndToDoubles(nd);
        if (data == null) {
            return new LiveValue.Text("ndarray " + nd.typestr() + " " + java.util.Arrays.toString(nd.shape()));
        }
        return new LiveValue.Array(data.length == product(nd.shape()) ? nd.shape() : new int[] {data.length}, data);
    }

    private static long product(int[] shape) {
        long p = 1;
        for (int s : shape) {
            p *= s;
        }
        return p;
    }

    private static double[] ndToDoubles(Value.NdArrayValue nd) {
        String t = nd.typestr();
        char kind = t.charAt(1);
        int size = Value.NdArrayValue.itemSize(t);
        ByteBuffer buf = ByteBuffer.wrap(nd.data()).order(t.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int n = Math.min(nd.data().length / size, MAX_ARRAY_ELEMENTS);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            int o = i * size;
            switch (kind) {
                case 'f' -> out[i] = size == 8 ? buf.getDouble(o) : size == 4 ? buf.getFloat(o) : Double.NaN;
                case 'i' -> out[i] = size == 1 ? buf.get(o) : size == 2 ? buf.getShort(o) : size == 4 ? buf.getInt(o)
                        : size == 8 ? buf.getLong(o) : Double.NaN;
                case 'u' -> out[i] = size == 1 ? buf.get(o) & 0xff : size == 2 ? buf.getShort(o) & 0xffff
                        : size == 4 ? buf.getInt(o) & 0xffffffffL : size == 8 ? buf.getLong(o) : Double.NaN;
                case 'b', '?' -> out[i] = buf.get(o) != 0 ? 1 : 0;
                default -> {
                    return null;
                }
            }
        }
        return out;
    }
}
