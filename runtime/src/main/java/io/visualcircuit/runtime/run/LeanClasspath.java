package io.visualcircuit.runtime.run;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The classpath of a Java block process: the runtime, the wires and their few dependencies, and
 * nothing of the editor. Fewer jars mean fewer files to open and a smaller class-data archive, and
 * keeping JavaFX out keeps a block JVM small.
 *
 * <p>How it is found, in order:
 * <ol>
 *   <li>the system property {@code visualcircuit.block.classpath}, when set;</li>
 *   <li>when this program's own {@code java.class.path} holds the runtime's classes (the launcher,
 *   the editor, tests), that classpath minus the jars a block never needs: JavaFX, ControlsFX,
 *   AtlantaFX, Ikonli, RichTextFX and its helpers, TestFX, Monocle, JUnit, ArchUnit and test
 *   tooling;</li>
 *   <li>otherwise the runtime's location plus {@code classpath.txt}, which the build writes next to
 *   it ({@code runtime/target/classpath.txt}).</li>
 * </ol>
 * Stateless; safe from any thread.
 */
final class LeanClasspath {
    private static final List<String> EXCLUDED = List.of(
            "javafx", "controlsfx", "atlantafx", "ikonli", "richtext", "flowless", "reactfx", "undofx",
            "wellbehavedfx", "testfx", "monocle", "junit", "opentest4j", "apiguardian", "archunit",
            "hamcrest", "surefire", "assertj");

    private LeanClasspath() {
    }

    static String find() {
        String explicit = System.getProperty("visualcircuit.block.classpath");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        Path runtime = runtimeLocation();
        String own = System.getProperty("java.class.path", "");
        List<String> entries = List.of(own.split(File.pathSeparator));
        if (runtime != null && entries.stream().anyMatch(e -> samePath(e, runtime))) {
            return String.join(File.pathSeparator, filter(entries));
        }
        if (runtime != null) {
            Path txt = runtime.getParent().resolve("classpath.txt");
            if (Files.isRegularFile(txt)) {
                try {
                    List<String> out = new ArrayList<>();
                    out.add(runtime.toString());
                    out.addAll(List.of(Files.readString(txt, StandardCharsets.UTF_8).trim().split(File.pathSeparator)));
                    return String.join(File.pathSeparator, filter(out));
                } catch (IOException e) {
                    // Fall through to the filtered classpath of this program.
                }
            }
        }
        return String.join(File.pathSeparator, filter(entries));
    }

    static List<String> filter(List<String> entries) {
        Set<String> out = new LinkedHashSet<>();
        for (String e : entries) {
            if (e.isBlank()) {
                continue;
            }
            String name = Path.of(e).getFileName() == null ? e : Path.of(e).getFileName().toString();
            String lower = name.toLowerCase(Locale.ROOT);
            if (EXCLUDED.stream().noneMatch(lower::contains)) {
                out.add(e);
            }
        }
        return new ArrayList<>(out);
    }

    private static boolean samePath(String entry, Path p) {
        try {
            return !entry.isBlank() && Path.of(entry).toAbsolutePath().normalize().equals(p);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Path runtimeLocation() {
        try {
            var src = CircuitRunner.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
