package io.visualcircuit.runtime.run;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Extracts jffi's native library (used by jnr-ffi, which the wires use) once into the user's cache
 * folder, so block JVMs load it from there instead of each unpacking it into a temporary file.
 * Stateless; safe from any thread (extraction writes a temporary file and renames it).
 */
final class NativeLibraries {
    private NativeLibraries() {
    }

    /**
     * The folder holding {@code libjffi-*.so} for this machine, extracted from the jffi native jar
     * on {@code classpath}; null when there is none or extraction fails (jffi then unpacks it itself).
     */
    static Path jffiFolder(String classpath, Path cache) {
        String arch = switch (System.getProperty("os.arch", "").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> null;
        };
        if (arch == null || !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return null;
        }
        for (String entry : classpath.split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            if (!name.startsWith("jffi-") || !name.endsWith("-native.jar")) {
                continue;
            }
            String version = name.substring("jffi-".length(), name.length() - "-native.jar".length());
            Path folder = cache.resolve("jffi-" + version + "-" + arch);
            try (ZipFile zip = new ZipFile(entry)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry e = entries.nextElement();
                    String n = e.getName();
                    if (!n.startsWith("jni/" + arch + "-Linux/") || !n.endsWith(".so")) {
                        continue;
                    }
                    Path target = folder.resolve(n.substring(n.lastIndexOf('/') + 1));
                    if (Files.isRegularFile(target) && Files.size(target) == e.getSize()) {
                        return folder;
                    }
                    Files.createDirectories(folder);
                    Path tmp = Files.createTempFile(folder, "lib", ".tmp");
                    try (InputStream in = zip.getInputStream(e)) {
                        Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    }
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    return folder;
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}
