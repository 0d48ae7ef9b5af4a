package io.visualcircuit.runtime.run;

/**
 * A snapshot of one block's state in a run. Immutable.
 *
 * @param exitCode the process exit code once it ended, else null
 * @param signal   the signal that killed the process, else null
 * @param error    a one-line description of a crash (exception or signal), else null
 * @param pid      the block's process id, or -1 when it has no process
 */
public record BlockStatus(String blockId, BlockState state, Integer exitCode, Integer signal, String error, long pid) {
}
