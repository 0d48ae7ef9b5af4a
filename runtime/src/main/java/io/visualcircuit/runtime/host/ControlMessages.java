package io.visualcircuit.runtime.host;

/**
 * The line protocol between the runtime and a block process. The runtime writes commands to the
 * block's stdin, one per line: {@code go}, {@code stop} or {@code set<TAB>name<TAB>encoded value}
 * (see {@link TypedValues}). The block reports on its stdout/stderr with lines that start with
 * {@link #MARK}, which the runtime removes from the user's log: {@code MARK + "ready"} once its wires
 * are attached and setup is done, and {@code MARK + "error " + message} just before it exits because
 * of an uncaught exception. End of stdin means the runtime is gone: the block exits at once.
 *
 * <p>The start barrier: a block that reported ready waits for {@code go} before its first step.
 * The runtime sends it once every block of the circuit is ready (and at once after ready to a block
 * restarted later), so that no block publishes values while the blocks reading them are still
 * starting; a latest-value wire would drop them. A {@code stop} while waiting ends the block
 * without a step.
 */
public final class ControlMessages {
    /** Starts every report line; a control character so that user output never collides with it. */
    public static final String MARK = "\u0001vc ";
    public static final String READY = MARK + "ready";
    public static final String ERROR_PREFIX = MARK + "error ";
    public static final String STOP = "stop";
    public static final String GO = "go";
    public static final String SET = "set";

    /** Exit code of a block whose code threw an uncaught exception. */
    public static final int EXIT_BLOCK_FAILED = 70;
    /** Exit code of a block that could not start: unreadable spec, unknown type, missing wire, missing module. */
    public static final int EXIT_SETUP_FAILED = 71;
    /** Exit code of a block that noticed the runtime process had gone. */
    public static final int EXIT_RUNTIME_GONE = 72;

    private ControlMessages() {
    }

    public static String setLine(String name, Object value) {
        return SET + "\t" + TypedValues.escape(name) + "\t" + TypedValues.encode(value);
    }
}
