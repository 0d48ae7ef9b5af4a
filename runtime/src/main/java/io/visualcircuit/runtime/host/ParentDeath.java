package io.visualcircuit.runtime.host;

import jnr.ffi.LibraryLoader;

/**
 * Makes the kernel kill this block process when the runtime that started it dies, even by
 * {@code kill -9}: {@code prctl(PR_SET_PDEATHSIG, SIGKILL)} through jnr-ffi. The end of stdin
 * (see {@link ControlChannel}) is the second line of defence, for systems where this call fails.
 * Called once, on the block's main thread, at start-up.
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
