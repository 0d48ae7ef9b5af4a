package io.visualcircuit.app.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The one-line description of the machine a benchmark ran on (processors, CPU model, memory, load
 * and the JavaFX pipeline actually in use), printed with the figures so they can be quoted and
 * compared. Reads Linux's {@code /proc} files; anything it cannot read is printed as "unknown".
 *
 * <p>Threading: stateless; any thread, but {@link #describe()} names the JavaFX pipeline only once
 * the toolkit has started.
 */
final class MachineInfo {
    private MachineInfo() {
    }

    /** For example {@code machine: nproc=2 cpu="..." mem_total=7.8 GiB load_avg=0.42 javafx=sw glass=Monocle}. */
    static String describe() {
        return String.format(Locale.ROOT, "machine: nproc=%d cpu=\"%s\" mem_total=%s load_avg=%s javafx=%s glass=%s",
                Runtime.getRuntime().availableProcessors(), cpuModel(read("/proc/cpuinfo")),
                memTotal(read("/proc/meminfo")), loadAverage(read("/proc/loadavg")), pipeline(), glass());
    }

    /** The first "model name" of a {@code /proc/cpuinfo} text. */
    static String cpuModel(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("model name")) {
                return line.substring(colon + 1).trim().replace('"', '\'');
            }
        }
        return "unknown";
    }

    /** "MemTotal" of a {@code /proc/meminfo} text (given in kB there), in GiB. */
    static String memTotal(String meminfo) {
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] f = line.substring("MemTotal:".length()).trim().split("\\s+");
                try {
                    return String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(f[0]) / (1024.0 * 1024.0));
                } catch (NumberFormatException e) {
                    return "unknown";
                }
            }
        }
        return "unknown";
    }

    /** The one-minute load average of a {@code /proc/loadavg} text. */
    static String loadAverage(String loadavg) {
        String[] f = loadavg.trim().split("\\s+");
        return f.length > 0 && f[0].matches("\\d+(\\.\\d+)?") ? f[0] : "unknown";
    }

    /**
     * The Prism pipeline in use ("sw" for software, "es2" for OpenGL, "d3d" for Direct3D). JavaFX
     * has no public API for this; the internal class is read reflectively so that a JavaFX without
     * it only loses this word, not the benchmark.
     */
    static String pipeline() {
        try {
            Object p = Class.forName("com.sun.prism.GraphicsPipeline").getMethod("getPipeline").invoke(null);
            if (p == null) {
                return "none";
            }
            return p.getClass().getSimpleName().replace("Pipeline", "").toLowerCase(Locale.ROOT);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "unknown(prism.order=" + System.getProperty("prism.order", "default") + ")";
        }
    }

    /** The windowing platform: Monocle (headless) or the desktop's (Gtk, Win, Mac). */
    static String glass() {
        try {
            Object app = Class.forName("com.sun.glass.ui.Application").getMethod("GetApplication").invoke(null);
            if (app == null) {
                return "none";
            }
            return app.getClass().getSimpleName().replace("Application", "");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return System.getProperty("glass.platform", "unknown");
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException | RuntimeException e) {
            // Not Linux, or /proc not mounted: the fields print as unknown.
            return "";
        }
    }
}
