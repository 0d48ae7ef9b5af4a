package io.visualcircuit.runtime.run;

import java.util.List;

/**
 * A circuit could not be started: it is invalid, a block cannot run on this machine (no Python
 * interpreter, no numpy), or a block process did not come up. The message is meant for the user;
 * {@link #problems()} lists every individual reason and {@link #blockId()} names the block at
 * fault when there is a single one.
 */
public class RunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;
    private final String blockId;

    public RunException(String message) {
        this(message, List.of(message), null, null);
    }

    public RunException(String message, String blockId) {
        this(message, List.of(message), blockId, null);
    }

    public RunException(String message, List<String> problems, String blockId, Throwable cause) {
        super(message, cause);
        this.problems = List.copyOf(problems);
        this.blockId = blockId;
    }

    /** Each reason on its own, already formatted for the user (for example FILE:LINE:COLUMN: message). */
    public List<String> problems() {
        return problems;
    }

    /** The block the failure belongs to, or null when it concerns the whole circuit. */
    public String blockId() {
        return blockId;
    }
}
