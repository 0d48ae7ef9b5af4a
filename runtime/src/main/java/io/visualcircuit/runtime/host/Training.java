package io.visualcircuit.runtime.host;

import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.blocks.BlockLibrary;
import io.visualcircuit.runtime.blocks.ImageFrame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run of a block JVM ({@code BlockMain --train}) for the class-data-sharing archive:
 * it loads the classes a real block process loads, by creating every library block and stepping
 * a block over real wires for a moment, then exits so the JVM writes the archive. Runs on the main
 * thread of its own short-lived process.
 */
public final class Training {
    private Training() {
    }

    public static void run() {
        for (String type : BlockLibrary.types()) {
            try {
                BlockLibrary.create(type);
            } catch (RuntimeException e) {
                // A type that cannot be created here only makes the archive a little less complete.
            }
        }
        ProcSelf.cpuSeconds("self");
        ProcSelf.rssBytes("self");
        Path dir = null;
        try {
            dir = Files.createTempDirectory("vc-train");
            try (RunSegments segments = RunSegments.create(dir)) {
                WireWriter in = segments.createWire("in", 64);
                WireWriter out = segments.createWire("out", 64);
                WireWriter stats = segments.createWire("stats", 128);
                segments.createWire("sine", 64);
                in.writeDouble(1.0);
                in.writeBoolean(true);
                in.writeString("training");
                in.writeDoubleArray(new double[] {1, 2}, 2);
                in.writeImage(new byte[3], 1, 1, 3);
                in.writeDouble(2.0);
                WireValues.write(out, new ImageFrame(1, 1, 1, new byte[1]));
                String gain = BlockLibrary.types().contains("gain") ? "gain" : BlockLibrary.types().iterator().next();
                train(dir, new BlockSpec("training-gain", gain, 1000, -1, segments.segmentName("stats"), null,
                        List.of(new BlockSpec.PortWire("in", "number", segments.segmentName("in"))),
                        List.of(new BlockSpec.PortWire("out", "number", segments.segmentName("out"))),
                        Map.of("k", 2.0)));
                if (BlockLibrary.types().contains("sine")) {
                    // The most common source, and the one the start-up benchmark runs.
                    train(dir, new BlockSpec("training-sine", "sine", 1000, -1, segments.segmentName("stats"), null,
                            List.of(), List.of(new BlockSpec.PortWire("out", "number", segments.segmentName("sine"))),
                            Map.of("frequency", 1.0, "amplitude", 1.0, "offset", 0.0, "phase", 0.0)));
                }
                stats.sequence();
            }
        } catch (IOException | RuntimeException | InterruptedException e) {
            System.err.println("training stopped early: " + e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Runs one block for a moment the way {@code BlockMain} does: spec written to and read from a
     * file, a control channel reading a pipe (go, a parameter change, then a stop), the stepping loop.
     */
    private static void train(Path dir, BlockSpec spec) throws IOException, InterruptedException {
        Path file = dir.resolve(spec.blockId() + ".spec");
        spec.write(file);
        BlockSpec read = BlockSpec.read(file);
        PipedOutputStream commands = new PipedOutputStream();
        ControlChannel control = ControlChannel.start(new PipedInputStream(commands), read.params());
        Thread stopper = new Thread(() -> {
            try (Writer w = new OutputStreamWriter(commands, StandardCharsets.UTF_8)) {
                w.write(ControlMessages.GO + "\n");
                w.flush();
                Thread.sleep(150);
                w.write(ControlMessages.setLine("k", 3.0) + "\n");
                w.flush();
                Thread.sleep(50);
                w.write(ControlMessages.STOP + "\n");
            } catch (IOException | InterruptedException e) {
                control.requestStop();
            }
        });
        stopper.setDaemon(true);
        stopper.start();
        try (BlockLoop loop = new BlockLoop(read, BlockLibrary.create(read.type()), control)) {
            loop.open();
            loop.run(new ReadyReport(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)));
        }
        stopper.join();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover empty folder in the temporary directory is harmless.
        }
    }
}
