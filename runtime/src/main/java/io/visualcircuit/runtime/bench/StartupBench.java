package io.visualcircuit.runtime.bench;

import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.host.ProcSelf;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.CircuitRunner;
import io.visualcircuit.runtime.run.Run;
import io.visualcircuit.runtime.run.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code vcircuit bench startup}: how long {@link CircuitRunner#start} takes until every block
 * process of a circuit of 1, 10 and 50 Java blocks reports ready, how much memory one Java block
 * process holds, and which rate a block asked to run at 100 Hz really achieves (counted from the
 * sequence numbers of its output wire). The last line is
 * {@code startup: start_10_ms=T10 start_50_ms=T50 rss_block_mb=M rate_100hz=H}.
 * Runs on the calling thread.
 */
@Command(name = "startup", mixinStandardHelpOptions = true,
        description = "Measure block start-up time, the memory of a block process and rate accuracy.")
public final class StartupBench implements java.util.concurrent.Callable<Integer> {
    private static final int[] SIZES = {1, 10, 50};

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "One round and short measuring windows, to check that the benchmark works.")
    private boolean quick;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds per circuit size; the median is reported (default 3).")
    private int rounds = 3;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int n = quick ? 1 : Math.max(1, rounds);
        RunOptions options = RunOptions.defaults().withStopGrace(Duration.ofSeconds(2));
        boolean archive = CircuitRunner.prepareJavaBlocks(options, Duration.ofSeconds(120));
        out.println("class-data archive for block JVMs: " + (archive ? "in use" : "not available, JDK default archive"));
        out.println("processors: " + Runtime.getRuntime().availableProcessors());
        out.flush();

        // One warm-up start, not counted: the first start pays for loading the runtime itself.
        timeStart(blocks(1, 30), options).stop();

        Map<Integer, Double> medians = new java.util.LinkedHashMap<>();
        double rssMb = Double.NaN;
        double pssMb = Double.NaN;
        double cpuMs = Double.NaN;
        for (int size : SIZES) {
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < n; round++) {
                long t0 = System.nanoTime();
                Run run = timeStart(blocks(size, 30), options);
                double ms = (System.nanoTime() - t0) / 1e6;
                times.add(ms);
                if (size == 10 && round == 0) {
                    cpuMs = blockCpuMs(run);
                    rssMb = blockRssMb(run, quick ? 500 : 1500);
                    pssMb = blockPssMb(run);
                }
                run.stop();
            }
            double median = median(times);
            medians.put(size, median);
            out.printf(Locale.ROOT, "start of %2d Java blocks: median %.0f ms over %d round(s) %s%n", size, median, n,
                    format(times));
            out.flush();
        }
        out.printf(Locale.ROOT, "CPU time of one Java block process until ready (median over a 10-block circuit): %.0f ms%n",
                cpuMs);
        out.printf(Locale.ROOT, "RSS of one Java block process (median over a 10-block circuit): %.1f MB"
                + " (PSS %.1f MB: the JVM's code and class archive are shared between blocks)%n", rssMb, pssMb);

        double rate;
        try (Run run = timeStart(blocks(1, 100), options)) {
            rate = achievedRate(run, "b0.out", quick ? 1500 : 5000, quick ? 300 : 1000);
            BlockStats stats = run.stats("b0").orElse(null);
            out.printf(Locale.ROOT, "rate of a 100 Hz block: %.2f Hz from its wire; %s Hz by its own count%n", rate,
                    stats == null ? "?" : String.format(Locale.ROOT, "%.2f", stats.achievedRateHz()));
        }
        out.printf(Locale.ROOT, "startup: start_10_ms=%.0f start_50_ms=%.0f rss_block_mb=%.1f rate_100hz=%.1f%n",
                medians.get(10), medians.get(50), rssMb, rate);
        out.flush();
        return 0;
    }

    /** A circuit of {@code n} sine blocks, each feeding a display. */
    static Circuit blocks(int n, double rate) {
        List<Block> blocks = new ArrayList<>();
        List<Wire> wires = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            blocks.add(Block.of("b" + i, "sine", 0, 0).withRate(rate));
            blocks.add(Block.of("d" + i, "display", 0, 0));
            wires.add(new Wire(new PortRef("b" + i, "out"), new PortRef("d" + i, "in")));
        }
        return new Circuit("startup benchmark", null, blocks, wires, List.of());
    }

    private static Run timeStart(Circuit c, RunOptions options) {
        Run run = CircuitRunner.start(c, options);
        for (BlockStatus s : run.states().values()) {
            if (s.state() != BlockState.RUNNING) {
                run.stop();
                throw new IllegalStateException("block " + s.blockId() + " did not start: " + s.state()
                        + (s.error() == null ? "" : " " + s.error()));
            }
        }
        return run;
    }

    private static double blockRssMb(Run run, long settleMillis) throws InterruptedException {
        Thread.sleep(settleMillis);
        List<Double> mb = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            if (s.pid() > 0) {
                long rss = ProcSelf.rssBytes(Long.toString(s.pid()));
                if (rss > 0) {
                    mb.add(rss / (1024.0 * 1024.0));
                }
            }
        }
        return median(mb);
    }

    private static double blockCpuMs(Run run) {
        List<Double> ms = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            if (s.pid() > 0) {
                double cpu = ProcSelf.cpuSeconds(Long.toString(s.pid()));
                if (cpu >= 0) {
                    ms.add(cpu * 1000);
                }
            }
        }
        return median(ms);
    }

    /** Proportional set size: resident memory with shared pages split between the processes sharing them. */
    private static double blockPssMb(Run run) {
        List<Double> mb = new ArrayList<>();
        for (BlockStatus s : run.states().values()) {
            if (s.pid() <= 0) {
                continue;
            }
            try {
                for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc", Long.toString(s.pid()),
                        "smaps_rollup"))) {
                    if (line.startsWith("Pss:")) {
                        mb.add(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0);
                    }
                }
            } catch (java.io.IOException | RuntimeException e) {
                // Older kernels have no smaps_rollup; PSS is only informative.
            }
        }
        return median(mb);
    }

    /** Steps per second counted from the wire's sequence numbers over a window, after a settling time. */
    private static double achievedRate(Run run, String wire, long windowMillis, long settleMillis)
            throws InterruptedException {
        try (WireReader r = WireReader.open(run.wire(wire).orElseThrow().segment())) {
            Thread.sleep(settleMillis);
            long s0 = r.sequence();
            long t0 = System.nanoTime();
            Thread.sleep(windowMillis);
            long s1 = r.sequence();
            long t1 = System.nanoTime();
            return (s1 - s0) / ((t1 - t0) / 1e9);
        }
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int m = s.size() / 2;
        return s.size() % 2 == 1 ? s.get(m) : (s.get(m - 1) + s.get(m)) / 2;
    }

    private static String format(List<Double> times) {
        return times.stream().map(t -> String.format(Locale.ROOT, "%.0f", t)).toList().toString();
    }
}
