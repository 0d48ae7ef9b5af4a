package io.visualcircuit.app.live;

import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.run.WireInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark wires in real shared-memory segments, written by {@link WireWriter}s on two background
 * threads of the benchmark process (no block processes, so the figure shows the editor's cost and
 * not process start-up). The editor side maps them read-only exactly as for a run.
 *
 * <p>Threading: each writer thread owns its writers ("vc-bench-fast", "vc-bench-slow");
 * {@link #close()} from any thread stops them and removes every segment.
 */
final class IpcFeed implements LiveBench.Feed {
    private final int fastWires;
    private final double fastHz;
    private final double slowHz;
    private final RunSegments segments;
    private final List<WireInfo> infos = new ArrayList<>();
    private final List<WireWriter> writers = new ArrayList<>();
    private final BenchWriters threads;

    IpcFeed(int wires, int fastWires, double fastHz, double slowHz) {
        this.fastWires = fastWires;
        this.fastHz = fastHz;
        this.slowHz = slowHz;
        this.segments = RunSegments.create(null);
        try {
            for (int i = 0; i < wires; i++) {
                String key = LiveBench.key(i);
                writers.add(segments.createWire(key, 256));
                infos.add(new WireInfo(key, segments.segmentName(key), LiveBench.type(i)));
            }
        } catch (RuntimeException e) {
            segments.close();
            throw e;
        }
        this.threads = new BenchWriters(wires, fastWires, fastHz, slowHz, this::write);
    }

    @Override
    public List<WireInfo> wires() {
        return List.copyOf(infos);
    }

    @Override
    public WireSource.Opener opener() {
        return IpcWireSource::open;
    }

    @Override
    public void start() {
        threads.start();
    }

    /** Called on the writer thread that owns wire {@code i}. */
    private void write(int i, double now) {
        WireWriter w = writers.get(i);
        LiveValue v = BenchValues.value(i, w.sequence() + 1, now);
        if (v instanceof LiveValue.Bool b) {
            w.writeBoolean(b.value());
        } else if (v instanceof LiveValue.Text t) {
            w.writeString(t.value());
        } else {
            w.writeDouble(v.asDouble());
        }
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "wires are shared-memory segments written by ipc WireWriters on 2 threads "
                        + "of this process (no block processes): %d wires at %.0f Hz, %d at %.0f Hz",
                fastWires, fastHz, writers.size() - fastWires, slowHz);
    }

    @Override
    public void close() {
        threads.stop();
        segments.close();
    }
}
