package io.visualcircuit.runtime.run;

import java.time.Instant;

/** One line of a block's output, timestamped when the runtime read it. Immutable. */
public record LogLine(String blockId, Instant time, Stream stream, String text) {
    public enum Stream { STDOUT, STDERR, RUNTIME }
}
