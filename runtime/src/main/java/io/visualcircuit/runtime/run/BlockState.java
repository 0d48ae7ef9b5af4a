package io.visualcircuit.runtime.run;

/** Life cycle of one block in a run. */
public enum BlockState {
    /** Process started, not yet reported ready. */
    STARTING,
    /** Ready and stepping (or, for blocks without a process, wires created). */
    RUNNING,
    /** The process ended by itself with an exit code (0 is a normal end). */
    EXITED,
    /** The process died from a signal, an uncaught exception, or a non-zero exit. */
    CRASHED,
    /** Stopped by the user or by {@link Run#stop()}. */
    STOPPED
}
