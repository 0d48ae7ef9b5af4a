package io.visualcircuit.app.live;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/** An in-memory wire: a test thread writes, the sampler reads the latest value. */
final class FakeWire implements WireSource {
    private final AtomicReference<WireSample> latest = new AtomicReference<>();
    final AtomicBoolean closed = new AtomicBoolean();
    volatile RuntimeException failure;

    void write(LiveValue v) {
        WireSample prev = latest.get();
        latest.set(new WireSample(prev == null ? 1 : prev.sequence() + 1, v));
    }

    /** Writes {@code n} numbers as a fast writer would between two samples. */
    void writeMany(int n, double value) {
        for (int i = 0; i < n; i++) {
            write(new LiveValue.Number(value));
        }
    }

    @Override
    public WireSample readIfNewer(long lastSequence) {
        if (failure != null) {
            throw failure;
        }
        WireSample s = latest.get();
        return s != null && s.sequence() > lastSequence ? s : null;
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
