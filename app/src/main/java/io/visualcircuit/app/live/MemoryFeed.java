package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.WireInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Benchmark wires kept in memory instead of shared memory: isolates the editor-side cost from the
 * wire transport. Writer threads publish values with volatile stores, the sampler reads the latest.
 *
 * <p>Threading: two writer threads ("vc-bench-fast", "vc-bench-slow") write; the sampler thread
 * reads through the sources; {@link #close()} from any thread stops the writers.
 */
final class MemoryFeed implements LiveBench.Feed {
    private final int wires;
    private final int fastWires;
    private final double fastHz;
    private final double slowHz;
    private final AtomicReferenceArray<WireSource.WireSample> latest;
    private final long[] sequences;
    private final BenchWriters writers;

    MemoryFeed(int wires, int fastWires, double fastHz, double slowHz) {
        this.wires = wires;
        this.fastWires = fastWires;
        this.fastHz = fastHz;
        this.slowHz = slowHz;
        this.latest = new AtomicReferenceArray<>(wires);
        this.sequences = new long[wires];
        // Each wire's sequence is only touched by the one writer thread that owns the wire.
        this.writers = new BenchWriters(wires, fastWires, fastHz, slowHz, (i, now) -> {
            long s = ++sequences[i];
            latest.set(i, new WireSource.WireSample(s, BenchValues.value(i, s, now)));
        });
    }

    @Override
    public List<WireInfo> wires() {
        List<WireInfo> out = new ArrayList<>();
        for (int i = 0; i < wires; i++) {
            out.add(new WireInfo(LiveBench.key(i), "memory-" + i, LiveBench.type(i)));
        }
        return out;
    }

    @Override
    public WireSource.Opener opener() {
        return info -> {
            int i = Integer.parseInt(info.segment().substring("memory-".length()));
            return new WireSource() {
                @Override
                public WireSample readIfNewer(long lastSequence) {
                    WireSample s = latest.get(i);
                    return s != null && s.sequence() > lastSequence ? s : null;
                }

                @Override
                public void close() {
                }
            };
        };
    }

    @Override
    public void start() {
        writers.start();
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "wires driven in memory (no shared memory) by 2 writer threads: %d wires at %.0f Hz, %d at %.0f Hz",
                fastWires, fastHz, wires - fastWires, slowHz);
    }

    @Override
    public void close() {
        writers.stop();
    }
}
