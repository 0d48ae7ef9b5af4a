package io.visualcircuit.app.live;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code vcircuit bench live}: measures how busy the FX thread is while 1,000 live wires are
 * sampled and drawn, some written at 500 Hz or more. Runs on the calling (main) thread and starts
 * JavaFX itself: in a window when there is a display, else on the Monocle headless platform with
 * software rendering.
 */
@Command(name = "live", mixinStandardHelpOptions = true,
        description = "Measure the FX thread's load while 1,000 live wires are shown (last line: live: fx_busy_percent=P wires=N).")
public final class LiveBenchCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Short run (a few seconds) to check the benchmark works.")
    boolean quick;

    @Option(names = "--wires", description = "Number of live wires (default: ${DEFAULT-VALUE}).")
    int wires = 1000;

    @Option(names = "--fast-wires", description = "How many of them are written fast (default: ${DEFAULT-VALUE}).")
    int fastWires = 20;

    @Option(names = "--fast-hz", description = "Write rate of the fast wires in Hz (default: ${DEFAULT-VALUE}).")
    double fastHz = 1000;

    @Option(names = "--slow-hz", description = "Write rate of the other wires in Hz (default: ${DEFAULT-VALUE}).")
    double slowHz = 20;

    @Option(names = "--sample-hz", description = "Display sampling rate in Hz (default: ${DEFAULT-VALUE}).")
    double sampleHz = 30;

    @Option(names = "--seconds", description = "Measured time in seconds (default: 15, 3 with --quick).")
    Double seconds;

    @Option(names = "--in-memory", description = "Drive the wires in memory instead of shared memory.")
    boolean inMemory;

    @Override
    public Integer call() throws Exception {
        if (wires < 1 || fastWires < 0 || fastWires > wires || fastHz <= 0 || slowHz <= 0) {
            System.err.println("bench live: need wires >= 1, 0 <= fast-wires <= wires and positive rates");
            return 2;
        }
        double secs = seconds != null ? seconds : quick ? 3 : 15;
        LiveBench.Feed feed = inMemory ? new MemoryFeed(wires, fastWires, fastHz, slowHz)
                : new IpcFeed(wires, fastWires, fastHz, slowHz);
        LiveBench bench = new LiveBench(feed, sampleHz, secs, System.out);
        try {
            bench.print(bench.run());
            return 0;
        } catch (io.visualcircuit.ipc.WireException e) {
            System.err.println("bench live: " + e.getMessage());
            return 2;
        } catch (UnsupportedOperationException | IllegalStateException e) {
            System.err.println("bench live: " + e.getMessage());
            return 2;
        }
    }
}
