package io.visualcircuit.ipc;

import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;

/**
 * The few POSIX calls the JDK does not offer (futex, flock, getuid, an open with O_NOFOLLOW that
 * returns a descriptor), reached through jnr-ffi, plus /proc helpers that tell whether a process
 * still lives.
 *
 * <p>Binding libc through jnr-ffi costs a block process more CPU than the rest of its start-up
 * together, and most processes never need it: a writer calls futex only when a reader sleeps on
 * its wire, a reader only when it blocks, and only the runtime takes flock locks. So the binding is
 * made on first real need, in the {@link Native} holder class (the JVM's class initialisation makes
 * that thread-safe and happens at most once), and everything a process needs to attach to its
 * wires (its pid, its start time, whether another process lives) is read without it.
 *
 * <p>Stateless; every method may be called from any thread.
 */
final class Posix {
    /** The libc functions used; jnr-ffi binds them by name. */
    public interface LibC {
        int getuid();

        int open(String path, int flags, int mode);

        int close(int fd);

        int flock(int fd, int operation);

        long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);
    }

    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0x40;
    private static final int O_EXCL = 0x80;
    private static final int O_CLOEXEC = 0x80000;

    /**
     * This process's id and start time, read together from /proc/self/stat: asking
     * {@link ProcessHandle} instead would set up its process reaper machinery, several
     * milliseconds of a block process's start.
     */
    private static final long[] SELF = readSelf();
    private static final int PID = (int) SELF[0];
    private static final long START_TICKS = SELF[1];

    /**
     * The jnr-ffi binding of libc and the platform's constants, made when a native call is first
     * needed. Only this class refers to jnr-ffi and jffi, so loading {@link Posix} loads neither.
     */
    private static final class Native {
        static final LibC LIBC;
        static final long SYS_FUTEX;
        static final int O_NOFOLLOW;
        /** Why the binding could not be made, or null when it was. */
        static final String FAILURE;
        /** One reusable timespec per thread so that a blocking wait does not allocate native memory. */
        static final ThreadLocal<ByteBuffer> TIMESPEC =
                ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()));

        static {
            LibC libc = null;
            long futex = -1;
            int noFollow = 0;
            String failure = null;
            try {
                Platform platform = Platform.getNativePlatform();
                if (platform.getOS() != Platform.OS.LINUX) {
                    failure = "VisualCircuit wires need Linux (futex and /dev/shm); this is " + platform.getOS();
                } else {
                    switch (platform.getCPU()) {
                        case X86_64 -> {
                            futex = 202;
                            noFollow = 0x20000;
                        }
                        case AARCH64 -> {
                            futex = 98;
                            noFollow = 0x8000;
                        }
                        case RISCV64, LOONGARCH64 -> {
                            futex = 98;
                            noFollow = 0x20000;
                        }
                        default -> failure = "VisualCircuit wires support x86_64 and aarch64 Linux, not "
                                + platform.getCPU();
                    }
                    if (failure == null) {
                        libc = LibraryLoader.create(LibC.class).load(platform.getStandardCLibraryName());
                    }
                }
            } catch (RuntimeException | LinkageError e) {
                failure = "cannot bind the C library through jnr-ffi: " + e;
            }
            LIBC = libc;
            SYS_FUTEX = futex;
            O_NOFOLLOW = noFollow;
            FAILURE = failure;
        }

        static LibC libc() {
            if (FAILURE != null) {
                throw new WireException(FAILURE);
            }
            return LIBC;
        }

        static long address(ByteBuffer directBuffer) {
            libc();
            return MemoryIO.getInstance().getDirectBufferAddress(directBuffer);
        }
    }

    private Posix() {
    }

    /**
     * Binds the native library now if it is not bound yet, for a process that knows it will sleep
     * on wires or wake sleepers and wants that cost paid before its first wait.
     *
     * @throws WireException when the library cannot be bound on this system
     */
    static void bindNow() {
        Native.libc();
    }

    static int uid() {
        return Native.libc().getuid();
    }

    static int pid() {
        return PID;
    }

    /** Start time of this process in clock ticks since boot (field 22 of /proc/self/stat). */
    static long startTicks() {
        return START_TICKS;
    }

    /**
     * Native address of a direct buffer's first byte (mapped buffers are direct). Binds the native
     * library on first use; call it only on the way to a futex call.
     */
    static long address(ByteBuffer directBuffer) {
        return Native.address(directBuffer);
    }

    /**
     * Sleeps while the 32-bit word at {@code address} still equals {@code expected}, at most
     * {@code timeoutNanos}. Shared (not private) futex, so it works across processes mapping the
     * same file. Returns early on wake, on value mismatch and on signals; callers re-check state.
     */
    static void futexWait(long address, int expected, long timeoutNanos) {
        LibC libc = Native.libc();
        ByteBuffer ts = Native.TIMESPEC.get();
        ts.putLong(0, timeoutNanos / 1_000_000_000L);
        ts.putLong(8, timeoutNanos % 1_000_000_000L);
        libc.syscall(Native.SYS_FUTEX, address, FUTEX_WAIT, expected, address(ts), 0, 0);
    }

    /** Wakes every process and thread waiting on the 32-bit word at {@code address}. */
    static void futexWakeAll(long address) {
        Native.libc().syscall(Native.SYS_FUTEX, address, FUTEX_WAKE, Integer.MAX_VALUE, 0, 0, 0);
    }

    /** Creates {@code path} with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600; returns the descriptor or -1. */
    static int createExclusive(Path path) {
        return Native.libc().open(path.toString(), O_RDWR | O_CREAT | O_EXCL | Native.O_NOFOLLOW | O_CLOEXEC, 0600);
    }

    /** Opens an existing file read-write without following symlinks; returns the descriptor or -1. */
    static int openExisting(Path path) {
        return Native.libc().open(path.toString(), O_RDWR | Native.O_NOFOLLOW | O_CLOEXEC, 0);
    }

    static boolean tryLockExclusive(int fd) {
        return Native.libc().flock(fd, LOCK_EX | LOCK_NB) == 0;
    }

    static void close(int fd) {
        if (fd >= 0) {
            Native.libc().close(fd);
        }
    }

    /** True when descriptor {@code fd} of this process still names a linked file at {@code path}. */
    static boolean descriptorStillNames(int fd, Path path) {
        try {
            Path target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd));
            return target.equals(path.toAbsolutePath());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * True when process {@code pid} exists, is not a zombie, and started at {@code startTicks}
     * (guards against the pid having been reused by an unrelated process).
     */
    static boolean processAlive(int pid, long startTicks) {
        if (pid <= 0) {
            return false;
        }
        String[] fields = statFields(pid);
        if (fields == null || fields.length < 20) {
            return false;
        }
        String state = fields[0];
        if (state.equals("Z") || state.equals("X") || state.equals("x")) {
            return false;
        }
        try {
            return Long.parseLong(fields[19]) == startTicks;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static long[] readSelf() {
        String stat = readStat("self");
        if (stat != null) {
            try {
                long pid = Long.parseLong(stat.substring(0, stat.indexOf(' ')));
                return new long[] {pid, startTicks(fieldsAfterName(stat))};
            } catch (RuntimeException e) {
                // Fall back to the JDK below.
            }
        }
        long pid = ProcessHandle.current().pid();
        return new long[] {pid, startTicks(statFields((int) pid))};
    }

    private static long startTicks(String[] fields) {
        if (fields == null || fields.length < 20) {
            return 0;
        }
        try {
            return Long.parseLong(fields[19]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Fields of /proc/PID/stat after the command name, so index 0 is field 3 (state). */
    private static String[] statFields(int pid) {
        String stat = readStat(Integer.toString(pid));
        return stat == null ? null : fieldsAfterName(stat);
    }

    private static String[] fieldsAfterName(String stat) {
        // The command name may hold spaces and parentheses; the fields start after its last ')'.
        int close = stat.lastIndexOf(')');
        if (close < 0 || close + 2 > stat.length()) {
            return null;
        }
        return stat.substring(close + 2).trim().split(" ");
    }

    /** The text of /proc/{@code process}/stat, or null when the process does not exist. */
    private static String readStat(String process) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + process + "/stat")), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
    }
}
