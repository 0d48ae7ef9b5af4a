package io.visualcircuit.runtime.bench;

import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.WireWriter;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vcircuit bench wires}: measures VisualCircuit's shared-memory wires against other ways of
 * moving data between two processes on this machine, and prints a table and a one-line summary.
 * This process only orchestrates: child JVMs started with the same flags (see
 * {@link WiresBenchChild}) send, receive and measure, so that no transport is favoured by running
 * in a warmer or differently configured JVM. Runs on the command-line thread only.
 */
@Command(name = "wires", mixinStandardHelpOptions = true,
        description = "Measure wire latency and image throughput against Agrona, a pipe and loopback TCP.")
public final class WiresBench implements Callable<Integer> {
    @Option(names = "--quick", description = "A short smoke run (a few seconds); figures are rough.")
    boolean quick;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec != null ? spec.commandLine().getOut()
                : new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        int spinSamples = quick ? 2_000 : 200_000;
        int blockSamples = quick ? 300 : 20_000;
        int imageMillis = quick ? 400 : 5_000;
        int imageWarmupMillis = quick ? 100 : 1_000;
        Path work = Files.createTempDirectory("vc-bench-wires");
        try (RunSegments run = RunSegments.create(work)) {
            out.println("VisualCircuit wire benchmark" + (quick ? " (--quick: smoke run, figures are rough)" : ""));
            out.println("machine: " + machine());
            out.println();
            out.println("One-way latency of a float64 between two processes (microseconds)");
            out.printf(Locale.ROOT, "%-40s %15s %9s %9s %9s%n", "transport", "received/sent", "p50", "p99", "p99.9");
            Stats spin = wire(run, "spin", "wire-spin", spinSamples, 20_000);
            row("VisualCircuit wire, spinning reader", spin, spinSamples);
            Stats block = wire(run, "block", "wire-block", blockSamples, 200_000);
            row("VisualCircuit wire, blocking reader", block, blockSamples);
            Stats agrona = agrona(spinSamples, 20_000);
            row("Agrona OneToOneRingBuffer (mapped file)", agrona, spinSamples);
            row("pipe", stream("pipe", spinSamples, 20_000), spinSamples);
            row("loopback TCP", stream("tcp", spinSamples, 20_000), spinSamples);
            int pythonSamples = quick ? 300 : 20_000;
            Stats python = python(run, pythonSamples, 200_000);
            if (python != null) {
                row("Python client (vcwire), polling reader", python, pythonSamples);
            } else {
                out.printf(Locale.ROOT, "%-40s %s%n", "Python client (vcwire)", "skipped: python3 not found");
            }
            out.println();
            Images images = images(run, imageMillis, imageWarmupMillis);
            out.println("640x480x3 images (921,600 bytes), frames per second");
            out.printf(Locale.ROOT, "%-40s %12.0f frames/s  (%d frames, %d damaged)%n",
                    "VisualCircuit wire, process to process", images.wireFps, images.frames, images.damaged);
            out.printf(Locale.ROOT, "%-40s %12.0f frames/s  (best of before and after)%n",
                    "in-process memcpy (System.arraycopy)", images.memcpyFps);
            out.println();
            double ratio = (double) spin.p50 / Math.max(1, agrona.p50);
            out.println("wires: ratio_vs_agrona=" + figure(ratio) + " image_fraction_of_memcpy="
                    + figure(images.wireFps / images.memcpyFps) + " blocking_p50_us=" + figure(block.p50 / 1000.0));
            out.flush();
            return 0;
        } finally {
            deleteTree(work);
        }
    }

    /** Three significant digits in plain notation, so that small ratios do not print as 0.00. */
    static String figure(double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return "0";
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /**
     * Percentiles in nanoseconds as the child measured them over {@code count} samples (warm-up
     * dropped), out of {@code received} values that arrived. A latest-value reader that falls
     * behind receives fewer values than were sent; a queue receives all of them, late.
     */
    record Stats(int count, long p50, long p99, long p999, int received) {
        static Stats parse(String line) {
            String[] f = line.split(" ");
            return new Stats(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Integer.parseInt(f[5]));
        }
    }

    private void row(String name, Stats s, int sent) {
        out.printf(Locale.ROOT, "%-40s %15s %9.2f %9.2f %9.2f%n", name, s.received + "/" + sent, s.p50 / 1000.0,
                s.p99 / 1000.0, s.p999 / 1000.0);
    }

    private Stats wire(RunSegments run, String key, String mode, int samples, long gapNanos) throws Exception {
        run.createWire(key, 64);
        Child reader = Child.start(mode, run.segmentName(key), samples);
        try {
            reader.expect("ready");
            sendTimestamps(run.segmentName(key), samples, gapNanos);
            return Stats.parse(reader.expect("stats"));
        } finally {
            reader.stop();
        }
    }

    /** Runs a {@code wire-writer} child that attaches to {@code segment} and sends the timestamps. */
    private static void sendTimestamps(String segment, int samples, long gapNanos) throws Exception {
        Child writer = Child.start("wire-writer", segment, samples, String.valueOf(gapNanos));
        try {
            writer.expect("done");
        } finally {
            writer.stop();
        }
    }

    /**
     * Both ends of the Agrona ring run in child JVMs: Agrona needs jdk.internal.misc exported, which
     * only the children are started with.
     */
    private Stats agrona(int samples, long gapNanos) throws Exception {
        Path file = Files.createTempFile(Path.of("/dev/shm"), "vc-bench-agrona-", ".ring");
        try {
            Child reader = Child.start("agrona", file.toString(), samples);
            try {
                reader.expect("ready");
                Child writer = Child.start("agrona-writer", file.toString(), samples, String.valueOf(gapNanos));
                try {
                    writer.expect("done");
                } finally {
                    writer.stop();
                }
                return Stats.parse(reader.expect("stats"));
            } finally {
                reader.stop();
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private Stats stream(String mode, int samples, long gapNanos) throws Exception {
        Child child = Child.start(mode, "-", samples);
        try {
            OutputStream raw;
            Socket socket = null;
            if (mode.equals("tcp")) {
                int port = Integer.parseInt(child.expect("port").split(" ")[1]);
                socket = new Socket(InetAddress.getLoopbackAddress(), port);
                socket.setTcpNoDelay(true);
                raw = socket.getOutputStream();
            } else {
                child.expect("ready");
                raw = child.process.getOutputStream();
            }
            DataOutputStream data = new DataOutputStream(raw);
            for (int i = 0; i < samples; i++) {
                WiresBenchChild.pause(gapNanos);
                data.writeLong(System.nanoTime());
                data.flush();
            }
            data.writeLong(-1);
            data.flush();
            Stats stats = Stats.parse(child.expect("stats"));
            if (socket != null) {
                socket.close();
            }
            return stats;
        } finally {
            child.stop();
        }
    }

    private Stats python(RunSegments run, int samples, long gapNanos) throws Exception {
        Path script = Files.createTempFile("vc-bench-python", ".py");
        Path client = script.resolveSibling("vcwire.py");
        try (InputStream in = WireWriter.class.getResourceAsStream("/io/visualcircuit/ipc/python/vcwire.py")) {
            if (in == null) {
                return null;
            }
            Files.write(client, in.readAllBytes());
            Files.writeString(script, PYTHON_READER);
            run.createWire("python", 64);
            Process process;
            try {
                process = new ProcessBuilder("python3", script.toString(), run.segmentName("python"),
                        String.valueOf(samples)).redirectErrorStream(true).start();
            } catch (IOException e) {
                return null;
            }
            Child child = new Child(process);
            try {
                child.expect("ready");
                sendTimestamps(run.segmentName("python"), samples, gapNanos);
                return Stats.parse(child.expect("stats"));
            } finally {
                child.stop();
            }
        } finally {
            Files.deleteIfExists(script);
            Files.deleteIfExists(client);
        }
    }

    /** Python's time.monotonic_ns() is CLOCK_MONOTONIC, the same clock as Java's nanoTime on Linux. */
    private static final String PYTHON_READER = String.join("\n",
            "import sys, time",
            "import vcwire",
            "r = vcwire.Reader(sys.argv[1])",
            "n = int(sys.argv[2])",
            "lat = []",
            "last = r.sequence()",
            "print('ready', flush=True)",
            "while True:",
            "    got = r.read_if_newer(last)",
            "    if got is None:",
            "        continue",
            "    now = time.monotonic_ns()",
            "    last, value = got",
            "    if value < 0:",
            "        break",
            "    lat.append(now - int(value))",
            "received = len(lat)",
            "lat = sorted(lat[len(lat) // 10:])",
            "def pct(p):",
            "    return lat[max(0, min(len(lat) - 1, -(-int(p * len(lat) * 1000) // 1000) - 1))] if lat else -1",
            "print('stats', len(lat), pct(0.5), pct(0.99), pct(0.999), received, flush=True)",
            "");

    /** Outcome of the image handoff and its memcpy baseline, both measured in the receiving JVM. */
    record Images(double wireFps, double memcpyFps, long frames, long damaged) {
    }

    /**
     * A frame handoff between two child JVMs: the writer publishes frames as fast as the reader
     * acknowledges them (two in flight), the reader copies each into its own reused buffer.
     * The same reader JVM times System.arraycopy of a frame before and after.
     */
    private Images images(RunSegments run, int measureMillis, int warmupMillis) throws Exception {
        run.createWire("image", WiresBenchChild.IMAGE_BYTES + 16);
        run.createWire("image-ack", 64);
        String image = run.segmentName("image");
        String ack = run.segmentName("image-ack");
        Child reader = Child.start("image", image, measureMillis, ack, String.valueOf(warmupMillis));
        try {
            reader.expect("ready");
            Child writer = Child.start("image-writer", image, 0, ack);
            try {
                String[] f = reader.expect("image ").split(" ");
                writer.expect("done");
                long frames = Long.parseLong(f[1]);
                long nanos = Long.parseLong(f[2]);
                double memcpy = Math.max(Double.parseDouble(f[4]), Double.parseDouble(f[5]));
                return new Images(nanos <= 0 ? 0 : frames * 1e9 / nanos, memcpy, frames, Long.parseLong(f[3]));
            } finally {
                writer.stop();
            }
        } finally {
            reader.stop();
        }
    }

    private static String machine() {
        String cpu = "unknown CPU";
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException e) {
            // Keep the placeholder; the figures are still meaningful.
        }
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", Java " + System.getProperty("java.version");
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** A receiving JVM started with this process's classpath. */
    private static final class Child {
        final Process process;
        final BufferedReader lines;
        final List<String> seen = new ArrayList<>();

        Child(Process process) {
            this.process = process;
            this.lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static Child start(String mode, String target, int samples, String... extra) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-XX:+UseSerialGC", "-Xms256m", "-Xmx512m",
                    "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), WiresBenchChild.class.getName(), mode, target,
                    String.valueOf(samples)));
            command.addAll(List.of(extra));
            return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
        }

        String expect(String prefix) throws IOException {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                seen.add(line);
            }
            throw new IOException("the benchmark's receiving process ended early; it printed: " + String.join(" | ", seen));
        }

        void stop() throws InterruptedException {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
