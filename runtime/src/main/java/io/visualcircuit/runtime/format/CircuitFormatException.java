package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Problem;

import java.util.List;
import java.util.Objects;

/**
 * A circuit file that cannot be read at all: not JSON, not a VisualCircuit circuit, a newer format
 * version, or values of the wrong shape. Carries every such problem found (at least one), each with
 * its line and column; {@link #getMessage()} is the first one as {@code FILE:LINE:COLUMN: message}.
 */
public final class CircuitFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final transient List<Problem> problems;

    public CircuitFormatException(String file, int line, int column, String message) {
        this(file, List.of(new Problem(Problem.Severity.ERROR, message, null, null, line, column)));
    }

    public CircuitFormatException(String file, List<Problem> problems) {
        super(Objects.requireNonNull(problems, "problems").isEmpty() ? file : problems.get(0).format(file));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a format error needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The file name as given to the reader (used as the FILE part of messages). */
    public String file() {
        return file;
    }

    public int line() {
        return problems.get(0).line();
    }

    public int column() {
        return problems.get(0).column();
    }

    /** The first problem's message without the file and position. */
    public String detail() {
        return problems.get(0).message();
    }

    /** Every problem found, in file order of discovery; warnings found on the way are included. */
    public List<Problem> problems() {
        return problems;
    }
}
