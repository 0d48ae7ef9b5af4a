package io.visualcircuit.runtime.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a process's CPU time and resident memory from {@code /proc}. Returns -1 when the figures
 * cannot be read (not Linux, process gone). Stateless; safe from any thread.
 */
public final class ProcSelf {
    /** Clock ticks per second of /proc/PID/stat; 100 on every Linux build that matters. */
    private static final double TICKS = 100.0;
    private static final long PAGE = 4096;

    private ProcSelf() {
    }

    /** User plus system CPU seconds of the process ({@code "self"} or a pid). */
    public static double cpuSeconds(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"), StandardCharsets.US_ASCII);
            // The command name may contain spaces and parentheses; fields are counted after its ')'.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Resident set size in bytes of the process ({@code "self"} or a pid). */
    public static long rssBytes(String pid) {
        try {
            String statm = Files.readString(Path.of("/proc", pid, "statm"), StandardCharsets.US_ASCII);
            return Long.parseLong(statm.trim().split(" ")[1]) * PAGE;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
