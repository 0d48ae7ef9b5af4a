package io.visualcircuit.runtime.host;

import jnr.ffi.LibraryLoader;

/**
 * Makes the kernel kill this block process when the runtime that started it dies, even by
 * {@code kill -9}: {@code prctl(PR_SET_PDEATHSIG, SIGKILL)} through jnr-ffi. Optional: the end of
 * stdin (see {@link ControlChannel}) is what guarantees that no block outlives its runtime, and a
 * block arms this signal as well only when started with
 * {@code -Dvisualcircuit.parentDeathSignal=true}, because binding libc through jnr-ffi costs more
 * CPU than the rest of its start. Called at most once per process, on a start-up thread.
 */
public final class ParentDeath {
    private static final int PR_SET_PDEATHSIG = 1;
    private static final int SIGKILL = 9;

    /** The two libc calls needed; bound by jnr-ffi. */
    public interface LibC {
        int prctl(int option, long arg2, long arg3, long arg4, long arg5);

        int getppid();
    }

    private ParentDeath() {
    }

    /**
     * Arms the signal, then checks that the parent is still {@code expectedParent}: if the runtime
     * died before the signal was armed, the process was re-parented and must end now.
     *
     * @return false when the runtime is already gone
     */
    public static boolean arm(long expectedParent) {
        try {
            LibC c = LibraryLoader.create(LibC.class).load("c");
            c.prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
            return expectedParent <= 0 || c.getppid() == expectedParent;
        } catch (RuntimeException | LinkageError e) {
            // Without the signal, the stdin watch still ends the block when the runtime goes.
            return ProcessHandle.current().parent().map(p -> expectedParent <= 0 || p.pid() == expectedParent)
                    .orElse(false);
        }
    }
}
