package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireException;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.run.WireInfo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes every value of every wire of a run that the tracer saw as one JSON line:
 * {@code {"t": seconds since start, "wire": "block.port", "seq": n, "value": ...}}. A wire keeps
 * only its latest value, so a writer faster than the tracer can overwrite values before they are
 * read; the next line then carries {@code "skipped": n}, the number of values that went by unseen. Images are
 * written as {@code {"shape": [h, w, c], "dtype": "uint8", "sha256": "..."}} and other n-d arrays
 * alike; 1-d float arrays as JSON lists.
 *
 * <p>Public so the editor's Record button writes the very same format.
 *
 * <p>Threads: one reader thread per wire blocks on its wire and queues lines; one writer thread
 * writes them to the file. {@link #close} may be called from any thread, once.
 */
public final class WireTrace implements AutoCloseable {
    private static final long WAIT_NANOS = 50_000_000L;
    private static final String END = "";

    private final ObjectMapper json = new ObjectMapper();
    private final BufferedWriter out;
    private final long startEpochNanos;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<Thread> readers = new ArrayList<>();
    private final Thread writer;
    private volatile boolean closing;
    private volatile IOException failure;

    public WireTrace(Path file, long startEpochNanos) throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.startEpochNanos = startEpochNanos;
        this.writer = new Thread(this::writeLoop, "vc-trace-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Starts following the given wires; called before any block process starts. */
    public void follow(List<WireInfo> wires) {
        for (WireInfo w : wires) {
            WireReader r;
            try {
                r = WireReader.open(w.segment());
            } catch (WireException e) {
                continue;
            }
            Thread t = new Thread(() -> readLoop(w.wire(), r), "vc-trace-" + w.wire());
            t.setDaemon(true);
            readers.add(t);
            t.start();
        }
    }

    private void readLoop(String wire, WireReader r) {
        long last = 0;
        try (r) {
            while (!closing) {
                Sample s = r.await(last, WAIT_NANOS);
                if (s != null) {
                    last = s.sequence();
                    lines.add(line(wire, s));
                }
            }
            // Values published between the last wait and the stop still belong to the trace.
            Sample s = r.readIfNewer(last);
            if (s != null) {
                lines.add(line(wire, s));
            }
        } catch (WireException e) {
            // The run removed the wire; nothing more will come.
        }
    }

    private String line(String wire, Sample s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("t", Math.max(0, s.writeTimeNanos() - startEpochNanos) / 1e9);
        m.put("wire", wire);
        m.put("seq", s.sequence());
        m.put("value", jsonValue(s.value()));
        if (s.skipped() > 0) {
            // Wires hold only their latest value: say how many went by unseen rather than hide the gap.
            m.put("skipped", s.skipped());
        }
        try {
            return json.writeValueAsString(m);
        } catch (IOException e) {
            return "{\"wire\":\"" + wire + "\",\"seq\":" + s.sequence() + ",\"value\":null}";
        }
    }

    static Object jsonValue(Value v) {
        if (v instanceof Value.NumberValue n) {
            double d = n.value();
            return Double.isFinite(d) ? d : String.valueOf(d);
        }
        if (v instanceof Value.BooleanValue b) {
            return b.value();
        }
        if (v instanceof Value.LongValue l) {
            return l.value();
        }
        if (v instanceof Value.StringValue s) {
            return s.value();
        }
        if (v instanceof Value.DoubleArrayValue a) {
            if (a.shape().length == 1) {
                List<Object> list = new ArrayList<>(a.data().length);
                for (double d : a.data()) {
                    list.add(Double.isFinite(d) ? d : String.valueOf(d));
                }
                return list;
            }
            return digest(a.shape(), "float64", doubles(a.data()));
        }
        if (v instanceof Value.ImageValue i) {
            return digest(new int[] {i.height(), i.width(), i.channels()}, "uint8", i.pixels());
        }
        if (v instanceof Value.NdArrayValue nd) {
            return digest(nd.shape(), nd.typestr(), nd.data());
        }
        return null;
    }

    private static byte[] doubles(double[] d) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(d.length * 8).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(d);
        return b.array();
    }

    private static Map<String, Object> digest(int[] shape, String dtype, byte[] data) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Integer> s = new ArrayList<>();
        for (int x : shape) {
            s.add(x);
        }
        m.put("shape", s);
        m.put("dtype", dtype);
        try {
            m.put("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
        return m;
    }

    private void writeLoop() {
        try {
            while (true) {
                String l = lines.poll(100, TimeUnit.MILLISECONDS);
                if (l == null) {
                    out.flush();
                    continue;
                }
                if (l == END) {
                    break;
                }
                out.write(l);
                out.newLine();
            }
            out.flush();
        } catch (IOException e) {
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Stops following and writes what is queued. Call before the run removes its wires, so the
     * last values are still readable.
     */
    @Override
    public void close() throws IOException {
        closing = true;
        for (Thread t : readers) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        lines.add(END);
        try {
            writer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.close();
        if (failure != null) {
            throw failure;
        }
    }
}
