package io.visualcircuit.runtime.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.UserPrincipal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The folders of runs started without a folder of their own: {@code vc-run-*} in the temporary
 * folder, holding the blocks' logs, spec files and code. Each one records its owner (the runtime's
 * pid and start time) in a file named {@value #OWNER_FILE}, so that a later start can tell the
 * folder of a dead run from the folder of a live one.
 *
 * <p>A folder is removed when its run stops cleanly (see {@link LocalRun#stop()}), and folders of
 * dead runs (the runtime was killed, or a block crashed and the logs were kept) are swept once
 * they are more than a day old. A live run's folder is never removed.
 *
 * <p>Stateless; safe from any thread.
 */
final class RunDirectories {
    static final String PREFIX = "vc-run-";
    static final String OWNER_FILE = "owner";
    /** How old the folder of a dead run must be before a sweep removes it. */
    static final Duration KEEP_DEAD_RUNS = Duration.ofDays(1);

    private RunDirectories() {
    }

    /** Creates a fresh run folder in the temporary folder and records this process as its owner. */
    static Path create() throws IOException {
        Path dir = Files.createTempDirectory(PREFIX);
        ProcessHandle self = ProcessHandle.current();
        String started = self.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("");
        Files.writeString(dir.resolve(OWNER_FILE), self.pid() + " " + started + "\n", StandardCharsets.UTF_8);
        return dir;
    }

    /**
     * True while the run that owns {@code dir} may still be running: its owner process lives (same
     * pid and start time), or, for a folder without an owner record, one of the wire segments
     * listed in its {@code wires.properties} still exists (the segments of dead runs are removed
     * at every start, before any sweep).
     */
    static boolean ownerMayLive(Path dir) {
        Path owner = dir.resolve(OWNER_FILE);
        if (Files.isRegularFile(owner, LinkOption.NOFOLLOW_LINKS)) {
            try {
                String[] f = Files.readString(owner, StandardCharsets.UTF_8).trim().split(" ");
                long pid = Long.parseLong(f[0]);
                Optional<ProcessHandle> p = ProcessHandle.of(pid);
                if (p.isEmpty() || !p.get().isAlive()) {
                    return false;
                }
                Optional<Instant> started = p.get().info().startInstant();
                // Start times are compared to the second: /proc gives them in clock ticks.
                return f.length < 2 || f[1].isEmpty() || started.isEmpty()
                        || Math.abs(started.get().toEpochMilli() - Long.parseLong(f[1])) < 1000;
            } catch (IOException | RuntimeException e) {
                return true;
            }
        }
        Path wires = dir.resolve("wires.properties");
        if (!Files.isRegularFile(wires, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Properties p = new Properties();
        try (var in = Files.newInputStream(wires)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return true;
        }
        for (String segment : p.stringPropertyNames().stream().map(p::getProperty).toList()) {
            if (segment.matches("[A-Za-z0-9._-]+") && Files.exists(Path.of("/dev/shm", segment), LinkOption.NOFOLLOW_LINKS)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the {@code vc-run-*} folders in {@code parent} that belong to this user, were last
     * changed more than {@code age} ago, and whose run is dead. {@code keep} (the caller's own
     * run folder) is never touched.
     *
     * @return how many folders were removed
     */
    static int sweep(Path parent, Duration age, Path keep) {
        UserPrincipal me;
        try {
            me = Files.getOwner(keep, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return 0;
        }
        long cutoff = System.currentTimeMillis() - age.toMillis();
        int removed = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(parent, PREFIX + "*")) {
            for (Path dir : entries) {
                try {
                    BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    if (!a.isDirectory() || dir.equals(keep) || a.lastModifiedTime().toMillis() > cutoff
                            || !me.equals(Files.getOwner(dir, LinkOption.NOFOLLOW_LINKS)) || ownerMayLive(dir)) {
                        continue;
                    }
                    if (delete(dir)) {
                        removed++;
                    }
                } catch (IOException | RuntimeException e) {
                    // Another user's folder, or one removed meanwhile: not ours to clean.
                }
            }
        } catch (IOException e) {
            return removed;
        }
        return removed;
    }

    /**
     * Deletes {@code dir} and everything in it, without following symbolic links (a link is
     * removed, never what it points to). Returns true when the folder is gone.
     */
    static boolean delete(Path dir) {
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Whatever is left is swept by a later start once it is a day old.
        }
        return !Files.exists(dir, LinkOption.NOFOLLOW_LINKS);
    }
}
