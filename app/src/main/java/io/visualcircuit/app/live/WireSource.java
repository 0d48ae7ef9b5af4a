package io.visualcircuit.app.live;

/**
 * A read-only view of one wire's latest value, as the live sampler polls it. The production
 * implementation maps the wire's shared-memory segment ({@link IpcWireSource}); tests use
 * in-memory sources.
 *
 * <p>Threading: used only by the sampler thread that opened it, including {@link #close()}.
 */
public interface WireSource extends AutoCloseable {

    /** The latest sample when its sequence is greater than {@code lastSequence}, else null. */
    WireSample readIfNewer(long lastSequence);

    @Override
    void close();

    /** One value with the writer's sequence number (1 for the first write, then counting up). */
    record WireSample(long sequence, LiveValue value) {
    }

    /** Opens the source of a wire; throws an unchecked exception with a clear message when it cannot. */
    @FunctionalInterface
    interface Opener {
        WireSource open(io.visualcircuit.runtime.run.WireInfo wire);
    }
}
