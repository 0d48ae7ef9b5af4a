package io.visualcircuit.app.live;

import javafx.animation.AnimationTimer;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Moves live data to the FX thread once per pulse: it picks the newest {@link LiveFrame} (skipping
 * any the FX thread was too slow to show) and hands it to each view, then runs the per-pulse tasks
 * such as draining the console queue. This is the only place live values enter the FX thread, so
 * the FX cost is bounded by the display rate, never by how fast wires are written.
 *
 * <p>Threading: FX thread only (it is an {@link AnimationTimer}); {@link #busyNanos()} may be read
 * from any thread.
 */
public final class LivePulse extends AnimationTimer {
    private final Supplier<LiveFrame> source;
    private final List<Consumer<LiveFrame>> views = new CopyOnWriteArrayList<>();
    private final List<Runnable> everyPulse = new CopyOnWriteArrayList<>();
    private long lastFrame = -1;
    private volatile long busyNanos;
    private volatile long pulses;
    private volatile long maxPulseNanos;

    public LivePulse(Supplier<LiveFrame> source) {
        this.source = source;
    }

    /** Adds a view that gets each new frame (at most once per pulse). */
    public void addView(Consumer<LiveFrame> view) {
        views.add(view);
    }

    /** Adds work done on every pulse, new frame or not. */
    public void addTask(Runnable task) {
        everyPulse.add(task);
    }

    @Override
    public void handle(long now) {
        long t0 = System.nanoTime();
        LiveFrame f = source.get();
        if (f.number() != lastFrame) {
            lastFrame = f.number();
            for (Consumer<LiveFrame> v : views) {
                v.accept(f);
            }
        }
        for (Runnable r : everyPulse) {
            r.run();
        }
        long d = System.nanoTime() - t0;
        busyNanos += d;
        pulses++;
        if (d > maxPulseNanos) {
            maxPulseNanos = d;
        }
    }

    /** Total time spent in pulse handlers so far (the canvas paint is measured by whoever paints). */
    public long busyNanos() {
        return busyNanos;
    }

    public long pulses() {
        return pulses;
    }

    /** The longest single pulse handler so far. */
    public long maxPulseNanos() {
        return maxPulseNanos;
    }

    /** Starts the busy/pulse counters again from zero. FX thread. */
    public void resetCounters() {
        busyNanos = 0;
        pulses = 0;
        maxPulseNanos = 0;
    }
}
