package io.visualcircuit.ipc;

import java.util.Objects;

/**
 * One value read from a wire, with where it sits in the wire's history.
 *
 * @param sequence       the value's sequence number; the first value written to a wire is 1 and
 *                       each later write adds one
 * @param skipped        how many values the writer published between the one the caller last saw
 *                       and this one; slow readers lose values on purpose (latest-value semantics)
 * @param writeTimeNanos when the writer published the value, in nanoseconds since the Unix epoch
 *                       (the writer's wall clock; good for display and rough latency, not ordering)
 * @param value          the value itself
 */
public record Sample(long sequence, long skipped, long writeTimeNanos, Value value) {
    public Sample {
        Objects.requireNonNull(value, "value");
    }
}
