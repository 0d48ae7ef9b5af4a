package io.visualcircuit.runtime.circuit;

import java.util.Objects;

/**
 * One thing wrong with a circuit or its file, with the place in the file it comes from.
 * Immutable; safe to pass between threads.
 *
 * @param blockId   the block the problem is about, or null
 * @param wireIndex the index in {@link Circuit#wires()} of the wire the problem is about, or null
 * @param line      1-based line in the file, or 0 when the circuit was not read from a file
 * @param column    1-based column in the file, or 0 when unknown
 */
public record Problem(Severity severity, String message, String blockId, Integer wireIndex, int line, int column) {

    /** How bad a problem is: errors stop a circuit from running, warnings do not. */
    public enum Severity {
        ERROR, WARNING
    }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String message, String blockId, Integer wireIndex, SourceMap.Position at) {
        return new Problem(Severity.ERROR, message, blockId, wireIndex, at.line(), at.column());
    }

    public static Problem warning(String message, String blockId, Integer wireIndex, SourceMap.Position at) {
        return new Problem(Severity.WARNING, message, blockId, wireIndex, at.line(), at.column());
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * The problem as one line in the form compilers use, so editors and CI logs can jump to it:
     * {@code FILE:LINE:COLUMN: message}, with {@code warning: } before the message of a warning.
     */
    public String format(String file) {
        return file + ":" + line + ":" + column + ": " + (isError() ? "" : "warning: ") + message;
    }
}
