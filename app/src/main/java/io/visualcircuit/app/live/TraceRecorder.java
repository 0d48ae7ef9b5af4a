package io.visualcircuit.app.live;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.visualcircuit.runtime.run.WireInfo;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The Record button: writes every new value of every wire to a JSON-lines trace, one line per
 * value, in the format of {@code vcircuit run --trace}:
 * {@code {"t": seconds since recording started, "wire": "block.port", "seq": n, "value": ...}};
 * images as {@code {"shape": [h, w, c], "dtype": "uint8", "sha256": "..."}}, arrays as nested lists.
 *
 * <p>It polls the wires on its own thread ("vc-live-recorder") about every millisecond, much faster
 * than the display sampler, so values of writers up to about 1 kHz are all recorded; a value
 * overwritten between two polls is missed (the {@code seq} numbers then show the gap).
 *
 * <p>Threading: the recorder thread owns the sources and the file. {@link #start} and
 * {@link #close} may be called from any thread; {@link #close} waits for the file to be complete.
 */
public final class TraceRecorder implements AutoCloseable {
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(1000);

    private final List<WireInfo> wires;
    private final WireSource.Opener opener;
    private final Path file;
    private volatile boolean running;
    private volatile long linesWritten;
    private volatile String error;
    private Thread thread;

    public TraceRecorder(List<WireInfo> wires, WireSource.Opener opener, Path file) {
        this.wires = List.copyOf(wires);
        this.opener = opener;
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** Opens the file (failing here with a clear message when it cannot be created) and starts recording. */
    public synchronized void start() throws IOException {
        if (thread != null) {
            throw new IllegalStateException("already recording");
        }
        OutputStream out = Files.newOutputStream(file);
        JsonGenerator json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
        running = true;
        thread = new Thread(() -> record(json), "vc-live-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    private void record(JsonGenerator json) {
        List<WireSource> sources = new ArrayList<>();
        long[] last = new long[wires.size()];
        long origin = System.nanoTime();
        try (json) {
            for (WireInfo w : wires) {
                WireSource s = null;
                try {
                    s = opener.open(w);
                } catch (RuntimeException e) {
                    // A wire that cannot be mapped is left out of the trace; the others are recorded.
                }
                sources.add(s);
            }
            while (running) {
                boolean any = false;
                for (int i = 0; i < sources.size(); i++) {
                    WireSource s = sources.get(i);
                    if (s == null) {
                        continue;
                    }
                    WireSource.WireSample sample;
                    try {
                        sample = s.readIfNewer(last[i]);
                    } catch (RuntimeException e) {
                        continue;
                    }
                    if (sample != null) {
                        last[i] = sample.sequence();
                        writeLine(json, (System.nanoTime() - origin) / 1e9, wires.get(i).wire(), sample);
                        any = true;
                    }
                }
                if (any) {
                    json.flush();
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
        } catch (IOException e) {
            error = e.getMessage();
        } finally {
            for (WireSource s : sources) {
                if (s != null) {
                    s.close();
                }
            }
        }
    }

    private void writeLine(JsonGenerator json, double t, String wire, WireSource.WireSample s) throws IOException {
        json.writeStartObject();
        json.writeNumberField("t", Math.round(t * 1e6) / 1e6);
        json.writeStringField("wire", wire);
        json.writeNumberField("seq", s.sequence());
        json.writeFieldName("value");
        writeValue(json, s.value());
        json.writeEndObject();
        json.writeRaw('\n');
        linesWritten++;
    }

    static void writeValue(JsonGenerator json, LiveValue v) throws IOException {
        if (v instanceof LiveValue.Number n) {
            double d = n.value();
            if (Double.isFinite(d) && d == Math.rint(d) && Math.abs(d) < 1e15) {
                json.writeNumber((long) d);
            } else if (Double.isFinite(d)) {
                json.writeNumber(d);
            } else {
                // JSON has no NaN or infinity; write them as strings rather than produce invalid JSON.
                json.writeString(Double.toString(d));
            }
        } else if (v instanceof LiveValue.Bool b) {
            json.writeBoolean(b.value());
        } else if (v instanceof LiveValue.Text t) {
            json.writeString(t.value());
        } else if (v instanceof LiveValue.Array a) {
            writeNested(json, a.shape(), a.data(), 0, 0);
        } else if (v instanceof LiveValue.Image img) {
            json.writeStartObject();
            json.writeArrayFieldStart("shape");
            json.writeNumber(img.height());
            json.writeNumber(img.width());
            json.writeNumber(img.channels());
            json.writeEndArray();
            json.writeStringField("dtype", "uint8");
            json.writeStringField("sha256", sha256(img.pixels()));
            json.writeEndObject();
        } else {
            json.writeNull();
        }
    }

    private static int writeNested(JsonGenerator json, int[] shape, double[] data, int dim, int offset) throws IOException {
        json.writeStartArray();
        int n = shape.length == 0 ? data.length : shape[dim];
        if (shape.length == 0 || dim == shape.length - 1) {
            for (int i = 0; i < n && offset < data.length; i++) {
                double d = data[offset++];
                if (Double.isFinite(d)) {
                    json.writeNumber(d);
                } else {
                    json.writeString(Double.toString(d));
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                offset = writeNested(json, shape, data, dim + 1, offset);
            }
        }
        json.writeEndArray();
        return offset;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    public long linesWritten() {
        return linesWritten;
    }

    /** Why recording stopped early (disk full, ...), else null. */
    public String error() {
        return error;
    }

    /** Stops recording and closes the file. Any thread; waits up to two seconds. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
