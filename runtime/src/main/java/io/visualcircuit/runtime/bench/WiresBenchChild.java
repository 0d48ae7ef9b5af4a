package io.visualcircuit.runtime.bench;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.Value;
import io.visualcircuit.ipc.WireReader;
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
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * The receiving process of {@code vcircuit bench wires}: one mode per transport. Each latency
 * mode receives timestamps ({@link System#nanoTime()}, which is CLOCK_MONOTONIC and so comparable
 * across processes) until it sees a negative one, then prints {@code stats COUNT P50 P99 P999}.
 * The image mode prints {@code frames COUNT NANOS}. Prints {@code ready} when set up.
 */
public final class WiresBenchChild {
    private static final int RING_CAPACITY = 64 * 1024;

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
            case "agrona-writer" -> agronaWriter(args[1], samples, Long.parseLong(args[3]));
            case "pipe" -> stream(new FileInputStream(FileDescriptor.in), recorder, true);
            case "tcp" -> tcp(recorder);
            case "image" -> image(args[1]);
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
        if (!mode.equals("image") && !mode.equals("agrona-writer")) {
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

    /** The sending end of the Agrona comparison, paced like the wire's writer. */
    private static void agronaWriter(String file, int samples, long gapNanos) throws IOException {
        OneToOneRingBuffer ring = mapRing(file);
        UnsafeBuffer message = new UnsafeBuffer(new byte[8]);
        for (int i = 0; i <= samples; i++) {
            long end = System.nanoTime() + gapNanos;
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
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
        ready();
        while (!done[0]) {
            int read = ring.read((type, buffer, index, length) -> {
                long now = System.nanoTime();
                long sent = buffer.getLong(index);
                if (sent < 0) {
                    done[0] = true;
                } else {
                    recorder.record(now - sent);
                }
            });
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

    private static void image(String segment) {
        try (WireReader reader = WireReader.open(segment)) {
            ready();
            long last = reader.sequence();
            long frames = 0;
            long first = 0;
            long lastTime = 0;
            while (true) {
                Sample sample = reader.await(last, 5_000_000_000L);
                if (sample == null) {
                    break;
                }
                last = sample.sequence();
                if (sample.value() instanceof Value.NumberValue) {
                    break;
                }
                lastTime = System.nanoTime();
                if (frames++ == 0) {
                    first = lastTime;
                }
            }
            System.out.println("frames " + Math.max(0, frames - 1) + " " + (lastTime - first));
        }
    }
}
