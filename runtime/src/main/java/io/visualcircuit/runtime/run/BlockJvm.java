package io.visualcircuit.runtime.run;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds the command line of a Java block process and keeps its class-data-sharing archive.
 *
 * <p>JVM start-up is most of a block's start time, so a block JVM gets: a lean classpath
 * ({@link LeanClasspath}), the client compiler only ({@code -XX:TieredStopAtLevel=1}), the serial
 * collector with a small heap and thread stacks, no perf-data file, and an application
 * class-data-sharing archive made by a training run of {@code BlockMain --train}. The archive lives
 * in the user's cache folder ({@code $XDG_CACHE_HOME/visualcircuit/cds} or
 * {@code ~/.cache/visualcircuit/cds}), named by a hash of the JVM and of every classpath entry's
 * size and time, so any rebuild makes a new one. When it cannot be made (the JVM refuses to archive
 * classes from folders, as in a development build) a marker file remembers that and blocks start
 * with the JDK's default archive.
 *
 * <p>Thread safety: every method may be called from any thread; archive training happens at most
 * once per key and JVM, on a daemon thread, or on the caller's thread for {@link #prepareArchive}.
 */
final class BlockJvm {
    static final List<String> FLAGS = List.of(
            "-XX:TieredStopAtLevel=1",
            "-XX:CICompilerCount=1",
            "-XX:+UseSerialGC",
            "-Xms8m",
            "-Xmx128m",
            "-Xss512k",
            "-XX:ReservedCodeCacheSize=16m",
            "-XX:MaxMetaspaceSize=96m",
            "-XX:-UsePerfData",
            "-Xshare:auto",
            // jnr-ffi binds libc by reflection instead of generating classes at start-up, which
            // halves the CPU a block needs to attach to its wires; the calls it makes are few.
            "-Djnr.ffi.asm.enabled=false",
            "-Djava.awt.headless=true");

    /** The entry point of block processes ({@code io.visualcircuit.runtime.BlockMain}). */
    static final String MAIN_CLASS = "io.visualcircuit.runtime.BlockMain";
    /** BlockMain's argument for the archive training run. */
    static final String TRAIN_ARGUMENT = "--train";
    /** BlockMain's argument for a run that only starts the JVM, to check an archive. */
    static final String CHECK_ARGUMENT = "--check";

    private static final Map<String, Thread> TRAINING = new ConcurrentHashMap<>();

    private final String java;
    private final String classpath;
    private final boolean sharing;
    private final Path archive;
    private final Path nativeFolder;

    BlockJvm(String javaExecutable, boolean sharing) {
        this.java = javaExecutable != null ? javaExecutable
                : Path.of(System.getProperty("java.home"), "bin", "java").toString();
        this.classpath = LeanClasspath.find();
        this.sharing = sharing;
        this.archive = sharing ? archiveFile() : null;
        this.nativeFolder = NativeLibraries.jffiFolder(classpath, cacheFolder().getParent().resolve("native"));
    }

    String classpath() {
        return classpath;
    }

    /** The command that runs one block from its spec file. */
    List<String> command(Path specFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java);
        cmd.addAll(flags());
        if (archive != null && Files.isRegularFile(archive)) {
            cmd.add("-XX:SharedArchiveFile=" + archive);
            // A stale archive must not fill the user's log with warnings; the JVM just starts slower.
            cmd.add("-Xlog:cds=off");
            cmd.add("-Xlog:cds+dynamic=off");
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(MAIN_CLASS);
        cmd.add(specFile.toString());
        return cmd;
    }

    /** True when block JVMs will start with the application archive. */
    boolean archiveReady() {
        return archive != null && Files.isRegularFile(archive);
    }

    /** Starts making the archive in the background when it is missing, so later runs start faster. */
    void trainInBackground() {
        if (archive == null || Files.exists(archive) || Files.exists(failedMarker())) {
            return;
        }
        TRAINING.computeIfAbsent(archive.toString(), k -> {
            Thread t = new Thread(this::train, "vc-cds-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            t.start();
            return t;
        });
    }

    /** Makes the archive now when missing (used by the start-up benchmark); true when it is usable. */
    boolean prepareArchive(long timeoutMillis) {
        if (archive == null) {
            return false;
        }
        trainInBackground();
        Thread t = TRAINING.get(archive.toString());
        if (t != null) {
            try {
                t.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return archiveReady();
    }

    private void train() {
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(archive.getParent());
            List<String> dump = new ArrayList<>();
            dump.add(java);
            dump.addAll(flags());
            dump.add("-XX:ArchiveClassesAtExit=" + tmp);
            dump.add("-cp");
            dump.add(classpath);
            dump.add(MAIN_CLASS);
            dump.add(TRAIN_ARGUMENT);
            boolean dumped = runQuietly(dump) && Files.isRegularFile(tmp) && Files.size(tmp) > 0;
            if (dumped) {
                List<String> check = new ArrayList<>();
                check.add(java);
                check.addAll(flags().stream().filter(f -> !f.startsWith("-Xshare")).toList());
                check.add("-Xshare:on");
                check.add("-XX:SharedArchiveFile=" + tmp);
                check.add("-cp");
                check.add(classpath);
                check.add(MAIN_CLASS);
                check.add(CHECK_ARGUMENT);
                dumped = runQuietly(check);
            }
            if (dumped) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.writeString(failedMarker(), "the JVM could not archive this classpath\n", StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            // No archive: blocks still start, with the JDK's default one.
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                // A leftover temporary file is harmless and replaced next time.
            }
            forgetOldArchives();
        }
    }

    /** Each build makes a new archive of a few megabytes; those of builds older than a day go. */
    private void forgetOldArchives() {
        long dayAgo = System.currentTimeMillis() - TimeUnit.DAYS.toMillis(1);
        try (var files = Files.list(archive.getParent())) {
            files.filter(f -> f.getFileName().toString().startsWith("blocks-"))
                    .filter(f -> !f.equals(archive) && !f.equals(failedMarker()))
                    .forEach(f -> {
                        try {
                            if (Files.getLastModifiedTime(f).toMillis() < dayAgo) {
                                Files.deleteIfExists(f);
                            }
                        } catch (IOException e) {
                            // Another program may be using or removing it; try again next time.
                        }
                    });
        } catch (IOException e) {
            // The cache folder is only an optimisation.
        }
    }

    /** The JVM flags of a block process, with jffi's native library taken from the cache when extracted. */
    private List<String> flags() {
        if (nativeFolder == null) {
            return FLAGS;
        }
        List<String> f = new ArrayList<>(FLAGS);
        // Without this, every block JVM extracts jffi's library from its jar into a new temporary file.
        f.add("-Djffi.boot.library.path=" + nativeFolder);
        return f;
    }

    private static boolean runQuietly(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Path failedMarker() {
        return archive.resolveSibling(archive.getFileName() + ".failed");
    }

    private Path archiveFile() {
        return cacheFolder().resolve("blocks-" + key() + ".jsa");
    }

    static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("visualcircuit").resolve("cds");
    }

    private String key() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            StringBuilder b = new StringBuilder();
            b.append(java).append('\n').append(System.getProperty("java.vm.version")).append('\n');
            b.append(String.join(" ", FLAGS)).append('\n');
            for (String e : classpath.split(File.pathSeparator)) {
                b.append(e);
                try {
                    BasicFileAttributes a = Files.readAttributes(Path.of(e), BasicFileAttributes.class);
                    b.append(' ').append(a.size()).append(' ').append(a.lastModifiedTime().toMillis());
                } catch (IOException | RuntimeException ex) {
                    b.append(" missing");
                }
                b.append('\n');
            }
            byte[] h = d.digest(b.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(h, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
