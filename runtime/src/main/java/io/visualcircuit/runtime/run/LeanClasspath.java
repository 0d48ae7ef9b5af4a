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
 *   <li>when the runtime is a packaged jar (as for {@code ./vcircuit}): that jar plus the
 *   {@code classpath.txt} the build writes next to it ({@code runtime/target/classpath.txt}),
 *   so the editor's own classes and jars never reach a block;</li>
 *   <li>otherwise (tests, a development build with class folders) this program's own
 *   {@code java.class.path}.</li>
 * </ol>
 * Either way the jars a block never needs are left out: JavaFX, ControlsFX, AtlantaFX, Ikonli,
 * RichTextFX and its companion libraries, TestFX, Monocle, JUnit, ArchUnit and test tooling, and the libraries
 * of the file format, command line and benchmarks (Jackson, picocli, Agrona).
 * Stateless; safe from any thread.
 */
final class LeanClasspath {
    private static final List<String> EXCLUDED = List.of(
            "javafx", "controlsfx", "atlantafx", "ikonli", "richtext", "flowless", "reactfx", "undofx",
            "wellbehavedfx", "testfx", "monocle", "junit", "opentest4j", "apiguardian", "archunit",
            "hamcrest", "surefire", "assertj",
            // Used by the file format, the command line and the benchmarks, never by a block.
            "jackson", "picocli", "agrona");

    private LeanClasspath() {
    }

    static String find() {
        String explicit = System.getProperty("visualcircuit.block.classpath");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        Path runtime = runtimeLocation();
        if (runtime != null && Files.isRegularFile(runtime)) {
            // A packaged runtime: its classpath.txt was written by the same build, and lists jars
            // only, which class-data sharing needs.
            Path txt = runtime.getParent().resolve("classpath.txt");
            if (Files.isRegularFile(txt)) {
                try {
                    List<String> out = new ArrayList<>();
                    out.add(runtime.toString());
                    for (String e : Files.readString(txt, StandardCharsets.UTF_8).trim().split(File.pathSeparator)) {
                        if (!e.isBlank()) {
                            out.add(e);
                        }
                    }
                    if (out.stream().allMatch(e -> Files.exists(Path.of(e)))) {
                        return String.join(File.pathSeparator, filter(out));
                    }
                } catch (IOException | RuntimeException e) {
                    // Fall through to the filtered classpath of this program.
                }
            }
        }
        String own = System.getProperty("java.class.path", "");
        return String.join(File.pathSeparator, filter(List.of(own.split(File.pathSeparator))));
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

    private static Path runtimeLocation() {
        try {
            var src = CircuitRunner.class.getProtectionDomain().getCodeSource();
            return src == null ? null : Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
