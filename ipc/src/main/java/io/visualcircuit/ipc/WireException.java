package io.visualcircuit.ipc;

/**
 * A wire could not be created, opened, read or written: the segment is missing, corrupted, hostile,
 * left half-resized by a dead writer, or the system refused memory. The message is written for the
 * person running the circuit and names the segment. Unchecked because callers on hot paths should
 * not have to declare it; the runtime catches it at block and run boundaries.
 */
public class WireException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public WireException(String message) {
        super(message);
    }

    public WireException(String message, Throwable cause) {
        super(message, cause);
    }
}
