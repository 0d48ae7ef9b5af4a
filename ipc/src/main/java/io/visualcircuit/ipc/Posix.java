package io.visualcircuit.ipc;

import com.kenai.jffi.MemoryIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Platform;

/**
 * The few POSIX calls the JDK does not offer (futex, flock, getuid, an open with O_NOFOLLOW that
 * returns a descriptor), reached through jnr-ffi, plus /proc helpers that tell whether a process
 * still lives. Stateless; every method may be called from any thread.
 */
final class Posix {
    /** The libc functions used; jnr-ffi binds them by name. */
    public interface LibC {
        int getuid();

        int getpid();

        int open(String path, int flags, int mode);

        int close(int fd);

        int flock(int fd, int operation);

        long syscall(long number, long a1, long a2, long a3, long a4, long a5, long a6);
    }

    static final int LOCK_EX = 2;
    static final int LOCK_NB = 4;

    private static final int FUTEX_WAIT = 0;
    private static final int FUTEX_WAKE = 1;

    private static final LibC LIBC;
    private static final long SYS_FUTEX;
    private static final int O_RDWR = 2;
    private static final int O_CREAT = 0x40;
    private static final int O_EXCL = 0x80;
    private static final int O_NOFOLLOW;
    private static final int O_CLOEXEC = 0x80000;

    static {
        Platform platform = Platform.getNativePlatform();
        if (platform.getOS() != Platform.OS.LINUX) {
            throw new ExceptionInInitializerError("VisualCircuit wires need Linux (futex and /dev/shm); this is "
                    + platform.getOS());
        }
        switch (platform.getCPU()) {
            case X86_64 -> {
                SYS_FUTEX = 202;
                O_NOFOLLOW = 0x20000;
            }
            case AARCH64, RISCV64, LOONGARCH64 -> {
                SYS_FUTEX = 98;
                O_NOFOLLOW = platform.getCPU() == Platform.CPU.AARCH64 ? 0x8000 : 0x20000;
            }
            default -> throw new ExceptionInInitializerError(
                    "VisualCircuit wires support x86_64 and aarch64 Linux, not " + platform.getCPU());
        }
        LIBC = LibraryLoader.create(LibC.class).load(platform.getStandardCLibraryName());
    }

    /** One reusable timespec per thread so that a blocking wait does not allocate native memory. */
    private static final ThreadLocal<ByteBuffer> TIMESPEC =
            ThreadLocal.withInitial(() -> ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder()));

    private static final int PID = LIBC.getpid();
    private static final long START_TICKS = readStartTicks(PID);

    private Posix() {
    }

    static int uid() {
        return LIBC.getuid();
    }

    static int pid() {
        return PID;
    }

    /** Start time of this process in clock ticks since boot (field 22 of /proc/self/stat). */
    static long startTicks() {
        return START_TICKS;
    }

    /** Native address of a direct buffer's first byte (mapped buffers are direct). */
    static long address(ByteBuffer directBuffer) {
        return MemoryIO.getInstance().getDirectBufferAddress(directBuffer);
    }

    /**
     * Sleeps while the 32-bit word at {@code address} still equals {@code expected}, at most
     * {@code timeoutNanos}. Shared (not private) futex, so it works across processes mapping the
     * same file. Returns early on wake, on value mismatch and on signals; callers re-check state.
     */
    static void futexWait(long address, int expected, long timeoutNanos) {
        ByteBuffer ts = TIMESPEC.get();
        ts.putLong(0, timeoutNanos / 1_000_000_000L);
        ts.putLong(8, timeoutNanos % 1_000_000_000L);
        LIBC.syscall(SYS_FUTEX, address, FUTEX_WAIT, expected, address(ts), 0, 0);
    }

    /** Wakes every process and thread waiting on the 32-bit word at {@code address}. */
    static void futexWakeAll(long address) {
        LIBC.syscall(SYS_FUTEX, address, FUTEX_WAKE, Integer.MAX_VALUE, 0, 0, 0);
    }

    /** Creates {@code path} with O_CREAT|O_EXCL|O_NOFOLLOW and mode 0600; returns the descriptor or -1. */
    static int createExclusive(Path path) {
        return LIBC.open(path.toString(), O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    }

    /** Opens an existing file read-write without following symlinks; returns the descriptor or -1. */
    static int openExisting(Path path) {
        return LIBC.open(path.toString(), O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
    }

    static boolean tryLockExclusive(int fd) {
        return LIBC.flock(fd, LOCK_EX | LOCK_NB) == 0;
    }

    static void close(int fd) {
        if (fd >= 0) {
            LIBC.close(fd);
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

    private static long readStartTicks(int pid) {
        String[] fields = statFields(pid);
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
        try {
            String stat = new String(Files.readAllBytes(Path.of("/proc/" + pid + "/stat")), StandardCharsets.US_ASCII);
            int close = stat.lastIndexOf(')');
            if (close < 0 || close + 2 > stat.length()) {
                return null;
            }
            return stat.substring(close + 2).trim().split(" ");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
