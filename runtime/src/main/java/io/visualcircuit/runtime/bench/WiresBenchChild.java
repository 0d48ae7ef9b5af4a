package io.visualcircuit.runtime.bench;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.SampleBuffer;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.ipc.WireWriter;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.agrona.concurrent.MessageHandler;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The receiving process of {@code vcircuit bench wires}: one mode per transport. Each latency
 * mode receives timestamps ({@link System#nanoTime()}, which is CLOCK_MONOTONIC and so comparable
 * across processes) until it sees a negative one, then prints {@code stats COUNT P50 P99 P999 RECEIVED}.
 * The writer modes ({@code wire-writer}, {@code agrona-writer}) send the timestamps, paced the
 * same way, so that both ends of every shared-memory comparison run in JVMs started with the same
 * flags. The image modes measure a frame handoff (see {@link #image}). Prints {@code ready} when
 * set up.
 */
public final class WiresBenchChild {
    private static final int RING_CAPACITY = 64 * 1024;
    static final int IMAGE_HEIGHT = 480;
    static final int IMAGE_WIDTH = 640;
    static final int IMAGE_BYTES = IMAGE_HEIGHT * IMAGE_WIDTH * 3;
    /** Frames the image writer may publish beyond the last one the reader finished copying. */
    private static final int FRAMES_IN_FLIGHT = 2;
    private static final long IDLE_TIMEOUT_NANOS = 10_000_000_000L;
    /**
     * How long the image ends poll before blocking. Each side waits for the other about once per
     * frame; a futex wake-up there (tens of microseconds on a VM) would be counted as part of
     * the handoff, which it is not on a machine with a free core for each end. A few frame copies
     * long: a partner that takes longer was descheduled.
     */
    private static final long IMAGE_POLL_NANOS = 200_000;
    /** Pure spinning before polling turns to yielding, so that a loaded machine runs the partner. */
    private static final long IMAGE_SPIN_NANOS = 10_000;

    private WiresBenchChild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int samples = Integer.parseInt(args[2]);
        LatencyRecorder recorder = new LatencyRecorder(samples + 1);
        switch (mode) {
            case "wire-spin" -> wire(args[1], recorder, false);
            case "wire-block" -> wire(args[1], recorder, true);
            case "agrona" -> agrona(args[1], recorder);
            case "wire-writer" -> wireWriter(args[1], samples, Long.parseLong(args[3]));
            case "agrona-writer" -> agronaWriter(args[1], samples, Long.parseLong(args[3]));
            case "pipe" -> stream(new FileInputStream(FileDescriptor.in), recorder, true);
            case "tcp" -> tcp(recorder);
            case "image" -> image(args[1], args[3], samples, Long.parseLong(args[4]));
            case "image-writer" -> imageWriter(args[1], args[3]);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        if (!mode.startsWith("image") && !mode.endsWith("-writer")) {
            System.out.println(recorder.statsLine());
        }
        System.out.flush();
    }

    private static void ready() {
        System.out.println("ready");
        System.out.flush();
    }

    private static void wire(String segment, LatencyRecorder recorder, boolean blocking) {
        try (WireReader reader = WireReader.open(segment)) {
            ready();
            long last = reader.sequence();
            while (true) {
                Sample sample = blocking ? reader.await(last, 5_000_000_000L) : reader.readIfNewer(last);
                if (sample == null) {
                    if (blocking) {
                        return;
                    }
                    Thread.onSpinWait();
                    continue;
                }
                long now = System.nanoTime();
                last = sample.sequence();
                double sent = ((Value.NumberValue) sample.value()).value();
                if (sent < 0) {
                    return;
                }
                recorder.record(now - (long) sent);
            }
        }
    }

    private static OneToOneRingBuffer mapRing(String file) throws IOException {
        try (FileChannel channel = FileChannel.open(Path.of(file), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_WRITE, 0,
                    RING_CAPACITY + RingBufferDescriptor.TRAILER_LENGTH);
            return new OneToOneRingBuffer(new UnsafeBuffer(mapped));
        }
    }

    /** Busy-waits: sleeping would let the CPU clock down and measure wake-up instead of transport. */
    static void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    /**
     * The sending end of the wire comparisons: attaches as the writer of the wire the parent
     * created and publishes a timestamp every {@code gapNanos}, then -1.
     */
    private static void wireWriter(String segment, int samples, long gapNanos) {
        try (WireWriter writer = WireWriter.attach(segment)) {
            for (int i = 0; i < samples; i++) {
                pause(gapNanos);
                writer.writeDouble(System.nanoTime());
            }
            pause(gapNanos);
            writer.writeDouble(-1);
        }
        System.out.println("done");
    }

    /** The sending end of the Agrona comparison, paced like the wire's writer. */
    private static void agronaWriter(String file, int samples, long gapNanos) throws IOException {
        OneToOneRingBuffer ring = mapRing(file);
        UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        for (int i = 0; i <= samples; i++) {
            pause(gapNanos);
            message.putLong(0, i == samples ? -1 : System.nanoTime());
            while (!ring.write(1, message, 0, 8)) {
                Thread.onSpinWait();
            }
        }
        System.out.println("done");
    }

    private static void agrona(String file, LatencyRecorder recorder) throws IOException {
        OneToOneRingBuffer ring = mapRing(file);
        boolean[] done = {false};
        // One handler for the whole run: a capturing lambda in the loop would allocate on every
        // poll and give the ring garbage-collection pauses the wire reader does not have.
        MessageHandler handler = (type, buffer, index, length) -> {
            long now = System.nanoTime();
            long sent = buffer.getLong(index);
            if (sent < 0) {
                done[0] = true;
            } else {
                recorder.record(now - sent);
            }
        };
        ready();
        while (!done[0]) {
            int read = ring.read(handler);
            if (read == 0) {
                Thread.onSpinWait();
            }
        }
    }

    private static void stream(InputStream in, LatencyRecorder recorder, boolean announce) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 64));
        if (announce) {
            ready();
        }
        try {
            while (true) {
                long sent = data.readLong();
                long now = System.nanoTime();
                if (sent < 0) {
                    return;
                }
                recorder.record(now - sent);
            }
        } catch (EOFException e) {
            // The parent closed the stream early; report what arrived.
        }
    }

    private static void tcp(LatencyRecorder recorder) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println("port " + server.getLocalPort());
            System.out.flush();
            try (Socket socket = server.accept()) {
                socket.setTcpNoDelay(true);
                stream(socket.getInputStream(), recorder, false);
            }
        }
    }

    /**
     * The receiving end of the image handoff. First times {@code System.arraycopy} of one frame
     * in this JVM (the baseline), then receives frames for {@code warmupMillis} (not counted) and
     * {@code measureMillis} (counted), copying each new frame into one reused {@link SampleBuffer}
     * and acknowledging it on the ack wire, whose writer this process is. A frame counts only if
     * its first and last 8 bytes carry its own sequence number, so every counted frame arrived
     * complete and distinct. Times arraycopy again at the end, then prints
     * {@code image FRAMES NANOS BAD MEMCPY_FPS_BEFORE MEMCPY_FPS_AFTER}.
     */
    private static void image(String segment, String ackSegment, int measureMillis, long warmupMillis) {
        double memcpyBefore = memcpyFps(warmupMillis, measureMillis);
        long frames = 0;
        long bad = 0;
        long start = 0;
        long end = 0;
        try (WireReader reader = WireReader.open(segment); WireWriter ack = WireWriter.attach(ackSegment)) {
            SampleBuffer frame = new SampleBuffer(new byte[IMAGE_BYTES]);
            ready();
            long last = reader.sequence();
            long warmupEnd = 0;
            long measureEnd = Long.MAX_VALUE;
            while (true) {
                if (!spinThenAwait(reader, last, frame)) {
                    throw new IllegalStateException("no frame for 10 s; the image writer stopped");
                }
                long now = System.nanoTime();
                long seq = frame.sequence();
                last = seq;
                if (warmupEnd == 0) {
                    warmupEnd = now + warmupMillis * 1_000_000L;
                } else if (start == 0 && now >= warmupEnd) {
                    start = now;
                    measureEnd = now + measureMillis * 1_000_000L;
                } else if (start != 0) {
                    if (marked(frame.pixels(), seq)) {
                        frames++;
                        end = now;
                    } else {
                        bad++;
                    }
                }
                if (now >= measureEnd) {
                    ack.writeLong(-1);
                    break;
                }
                ack.writeLong(seq);
            }
        }
        double memcpyAfter = memcpyFps(warmupMillis / 4, measureMillis);
        System.out.println("image " + frames + " " + (end - start) + " " + bad + " " + Math.round(memcpyBefore) + " "
                + Math.round(memcpyAfter));
    }

    /**
     * The sending end of the image handoff: attaches as the image wire's writer and publishes
     * 640x480x3 frames from one reused array, each marked with its sequence number, as fast as the
     * reader lets it: frame k waits until the reader acknowledged frame k - 2, so the writer fills
     * one slot while the reader copies out of another and neither ever waits on a torn read. Stops
     * when the reader acknowledges -1.
     */
    private static void imageWriter(String segment, String ackSegment) {
        byte[] pixels = new byte[IMAGE_BYTES];
        new Random(1).nextBytes(pixels);
        try (WireWriter writer = WireWriter.attach(segment); WireReader ack = WireReader.open(ackSegment)) {
            SampleBuffer ackBuffer = new SampleBuffer();
            long acked = 0;
            long ackSeq = ack.sequence();
            while (true) {
                long next = writer.sequence() + 1;
                while (acked >= 0 && acked < next - FRAMES_IN_FLIGHT) {
                    if (!spinThenAwait(ack, ackSeq, ackBuffer)) {
                        throw new IllegalStateException("the image reader stopped acknowledging frames");
                    }
                    ackSeq = ackBuffer.sequence();
                    acked = ((Value.LongValue) ackBuffer.value()).value();
                }
                if (acked < 0) {
                    break;
                }
                mark(pixels, next);
                writer.writeImage(pixels, IMAGE_HEIGHT, IMAGE_WIDTH, 3);
            }
        }
        System.out.println("done");
    }

    /**
     * Spins, then yields (on an idle machine a yield returns at once; on a busy one it lets the
     * partner run), for up to {@link #IMAGE_POLL_NANOS}, then blocks; false after the idle timeout.
     */
    private static boolean spinThenAwait(WireReader reader, long last, SampleBuffer into) {
        long start = System.nanoTime();
        long waited;
        while ((waited = System.nanoTime() - start) < IMAGE_POLL_NANOS) {
            if (reader.readIfNewer(last, into)) {
                return true;
            }
            if (waited < IMAGE_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return reader.await(last, IDLE_TIMEOUT_NANOS, into);
    }

    private static void mark(byte[] pixels, long seq) {
        for (int i = 0; i < 8; i++) {
            pixels[i] = (byte) (seq >>> (8 * i));
            pixels[pixels.length - 8 + i] = (byte) (seq >>> (8 * i));
        }
    }

    private static boolean marked(byte[] pixels, long seq) {
        for (int i = 0; i < 8; i++) {
            if (pixels[i] != (byte) (seq >>> (8 * i)) || pixels[pixels.length - 8 + i] != (byte) (seq >>> (8 * i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Frames per second of {@code System.arraycopy} of one frame between two arrays, after
     * {@code warmupMillis} of the same work to get it compiled.
     */
    static double memcpyFps(long warmupMillis, long measureMillis) {
        byte[] source = new byte[IMAGE_BYTES];
        byte[] target = new byte[IMAGE_BYTES];
        new Random(2).nextBytes(source);
        copyFor(source, target, warmupMillis * 1_000_000L);
        return copyFor(source, target, measureMillis * 1_000_000L);
    }

    private static double copyFor(byte[] source, byte[] target, long durationNanos) {
        long copies = 0;
        long start = System.nanoTime();
        long now;
        do {
            for (int i = 0; i < 16; i++) {
                source[0] = (byte) copies;
                System.arraycopy(source, 0, target, 0, IMAGE_BYTES);
                copies++;
            }
            now = System.nanoTime();
        } while (now - start < durationNanos);
        if (target[0] != (byte) (copies - 1)) {
            throw new IllegalStateException("memcpy check failed");
        }
        return copies * 1e9 / (now - start);
    }
}
