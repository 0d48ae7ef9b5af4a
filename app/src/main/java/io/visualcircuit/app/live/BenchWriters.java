package io.visualcircuit.app.live;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * The two paced writer threads of the live benchmark: "vc-bench-fast" writes wires
 * {@code [0, fastWires)} at {@code fastHz}, "vc-bench-slow" the rest at {@code slowHz}. What a
 * write does (shared memory or memory) is the feed's {@link Write}.
 *
 * <p>Threading: {@link #start()} and {@link #stop()} may be called from any thread; each writer
 * thread calls {@link Write#write} only for its own wires.
 */
final class BenchWriters {
    /** Publishes the next value of one wire; {@code nowSeconds} is the write's timestamp. */
    interface Write {
        void write(int wire, double nowSeconds);
    }

    private final int fastWires;
    private final int wires;
    private final double fastHz;
    private final double slowHz;
    private final Write write;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    BenchWriters(int wires, int fastWires, double fastHz, double slowHz, Write write) {
        this.wires = wires;
        this.fastWires = fastWires;
        this.fastHz = fastHz;
        this.slowHz = slowHz;
        this.write = write;
    }

    void start() {
        running = true;
        threads.add(writer("vc-bench-fast", 0, fastWires, fastHz));
        threads.add(writer("vc-bench-slow", fastWires, wires, slowHz));
    }

    /** Stops the writers and waits (up to a second each) until they have left their loops. */
    void stop() {
        running = false;
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Thread writer(String name, int from, int to, double hz) {
        Thread t = new Thread(() -> {
            long period = (long) (1e9 / hz);
            long next = System.nanoTime();
            while (running) {
                double now = System.nanoTime() / 1e9;
                for (int i = from; i < to; i++) {
                    write.write(i, now);
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
}
