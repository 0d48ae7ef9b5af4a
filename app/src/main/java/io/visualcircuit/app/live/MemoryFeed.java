package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.WireInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

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
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    MemoryFeed(int wires, int fastWires, double fastHz, double slowHz) {
        this.wires = wires;
        this.fastWires = fastWires;
        this.fastHz = fastHz;
        this.slowHz = slowHz;
        this.latest = new AtomicReferenceArray<>(wires);
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
        running = true;
        threads.add(writer("vc-bench-fast", 0, fastWires, fastHz));
        threads.add(writer("vc-bench-slow", fastWires, wires, slowHz));
    }

    private Thread writer(String name, int from, int to, double hz) {
        Thread t = new Thread(() -> {
            long period = (long) (1e9 / hz);
            long next = System.nanoTime();
            long[] seq = new long[to - from];
            while (running) {
                double now = System.nanoTime() / 1e9;
                for (int i = from; i < to; i++) {
                    long s = ++seq[i - from];
                    latest.set(i, new WireSource.WireSample(s, BenchValues.value(i, s, now)));
                }
                next += period;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Override
    public String description() {
        return String.format(Locale.ROOT, "wires driven in memory (no shared memory) by 2 writer threads: %d wires at %.0f Hz, %d at %.0f Hz",
                fastWires, fastHz, wires - fastWires, slowHz);
    }

    @Override
    public void close() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
