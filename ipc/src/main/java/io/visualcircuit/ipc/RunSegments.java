package io.visualcircuit.ipc;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wire segments of one circuit run, and their cleanup. Creating a run picks a random token,
 * takes the run's liveness lock (an flock'd file {@code /dev/shm/vc-UID-TOKEN.lock} held open for
 * the whole run; the kernel drops it when the process dies, however it dies), and removes the
 * segments of earlier runs whose lock is no longer held. Segment names are
 * {@code vc-UID-TOKEN-N}. Closing the run unlinks every segment and the lock.
 *
 * <p>The key-to-segment map is also written to {@code wires.properties} (Java properties format) in
 * the run directory so that outside tools can find a run's wires. Each new name is appended (and
 * flushed) as it is handed out, so the file is complete at every moment, in particular when the
 * run is announced as started, and creating n wires costs O(n) rather than rewriting the whole
 * file n times.
 *
 * <p>Thread-safe: all methods may be called from any runtime thread.
 */
public final class RunSegments implements AutoCloseable {
    private static final String PREFIX = "vc-";
    private static final Pattern SEGMENT = Pattern.compile("vc-(\\d+)-([0-9a-f]{12})-(\\d+)");
    private static final Pattern LOCK = Pattern.compile("vc-(\\d+)-([0-9a-f]{12})\\.lock");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path runDirectory;
    private final int uid;
    private final String token;
    private final Path lockPath;
    private final int lockFd;
    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, WireWriter> writers = new HashMap<>();
    private boolean closed;
    /** The manifest, open for appending while the run lasts; null before the first name or without a run directory. */
    private Writer manifest;
    /** Set when the manifest could not be written; the run goes on without it. */
    private boolean manifestFailed;

    private RunSegments(Path runDirectory, int uid, String token, Path lockPath, int lockFd) {
        this.runDirectory = runDirectory;
        this.uid = uid;
        this.token = token;
        this.lockPath = lockPath;
        this.lockFd = lockFd;
    }

    /**
     * Starts the shared-memory side of a run: sweeps dead runs' segments, picks a token and takes
     * the liveness lock. {@code runDirectory} is created if needed and receives the wire manifest.
     */
    public static RunSegments create(Path runDirectory) {
        sweepStale();
        int uid = Posix.uid();
        for (int attempt = 0; attempt < 8; attempt++) {
            byte[] random = new byte[6];
            RANDOM.nextBytes(random);
            String token = HexFormat.of().formatHex(random);
            Path lockPath = Segment.SHM_DIRECTORY.resolve(PREFIX + uid + "-" + token + ".lock");
            int fd = Posix.createExclusive(lockPath);
            if (fd < 0) {
                continue;
            }
            // A sweep running between our create and flock may have judged the fresh file dead and
            // unlinked it; then our lock guards nothing, so start again with a new token.
            if (!Posix.tryLockExclusive(fd) || !Posix.descriptorStillNames(fd, lockPath)) {
                Posix.close(fd);
                continue;
            }
            try {
                if (runDirectory != null) {
                    Files.createDirectories(runDirectory);
                }
            } catch (IOException e) {
                Posix.close(fd);
                deleteQuietly(lockPath);
                throw new WireException("cannot create the run directory " + runDirectory + ": " + e.getMessage(), e);
            }
            return new RunSegments(runDirectory, uid, token, lockPath, fd);
        }
        throw new WireException("cannot create a liveness lock in " + Segment.SHM_DIRECTORY
                + "; is /dev/shm mounted and writable?");
    }

    /** The random token that names this run's segments. */
    public String token() {
        return token;
    }

    /** The segment name for wire {@code key} ({@code vc-UID-TOKEN-N}); stable for the run. */
    public synchronized String segmentName(String key) {
        String name = names.get(key);
        if (name == null) {
            name = PREFIX + uid + "-" + token + "-" + names.size();
            names.put(key, name);
            appendToManifest(key, name);
        }
        return name;
    }

    /**
     * Creates the segment for wire {@code key} (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600) and returns
     * its writer. The run keeps ownership of the segment: closing the writer hands the wire back
     * without removing it; {@link #close()} removes it.
     */
    public synchronized WireWriter createWire(String key, int initialCapacity) {
        if (closed) {
            throw new WireException("the run's wires are already closed");
        }
        String name = segmentName(key);
        if (writers.containsKey(name)) {
            throw new WireException("wire '" + key + "' was already created in this run");
        }
        WireWriter writer = WireWriter.create(name, initialCapacity, false);
        writers.put(name, writer);
        return writer;
    }

    /** Appends one {@code key=name} line; the first call replaces any manifest of an earlier run. */
    private void appendToManifest(String key, String name) {
        if (runDirectory == null || manifestFailed || closed) {
            return;
        }
        try {
            if (manifest == null) {
                // ISO 8859-1 with backslash-u escapes is what java.util.Properties.load(InputStream) reads.
                manifest = Files.newBufferedWriter(runDirectory.resolve("wires.properties"), StandardCharsets.ISO_8859_1);
                manifest.write("#VisualCircuit wire segments of this run (key = /dev/shm name)\n");
            }
            manifest.write(escape(key, true));
            manifest.write('=');
            manifest.write(escape(name, false));
            manifest.write('\n');
            manifest.flush();
        } catch (IOException e) {
            // The manifest helps outside tools only; the run works without it.
            manifestFailed = true;
            closeManifest();
        }
    }

    private void closeManifest() {
        if (manifest != null) {
            try {
                manifest.close();
            } catch (IOException e) {
                // Everything was flushed line by line already.
            }
            manifest = null;
        }
    }

    /**
     * Escapes a key or value for a properties file: backslash escapes for the characters that
     * would end a key or start a comment, and backslash-u escapes for anything outside printable ASCII.
     */
    static String escape(String text, boolean key) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\f' -> b.append("\\f");
                case '=', ':', '#', '!' -> b.append('\\').append(c);
                // Inside a value only a leading space would be lost; in a key every space ends it.
                case ' ' -> b.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Closes every writer the run created, unlinks all its segments, and releases the lock. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeManifest();
        for (WireWriter writer : writers.values()) {
            writer.close();
        }
        for (String name : names.values()) {
            deleteQuietly(Segment.SHM_DIRECTORY.resolve(name));
        }
        deleteQuietly(lockPath);
        Posix.close(lockFd);
    }

    /**
     * Removes the segments and lock files of this user's runs whose owner process is gone (its
     * flock is free) and segments whose run has no lock file at all. Live runs are untouched.
     *
     * @return how many files were removed
     */
    public static int sweepStale() {
        int uid = Posix.uid();
        String mine = PREFIX + uid + "-";
        Map<String, List<Path>> segmentsByToken = new HashMap<>();
        List<Path> locks = new ArrayList<>();
        // Segments are listed before locks are checked: a run creates its lock before any segment,
        // so a segment seen here whose lock is missing afterwards really belongs to a finished run.
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(Segment.SHM_DIRECTORY, mine + "*")) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                Matcher segment = SEGMENT.matcher(name);
                if (segment.matches() && segment.group(1).equals(String.valueOf(uid))) {
                    segmentsByToken.computeIfAbsent(segment.group(2), t -> new ArrayList<>()).add(entry);
                } else if (LOCK.matcher(name).matches()) {
                    locks.add(entry);
                }
            }
        } catch (IOException e) {
            return 0;
        }
        int removed = 0;
        for (Map.Entry<String, List<Path>> run : segmentsByToken.entrySet()) {
            Path lock = Segment.SHM_DIRECTORY.resolve(mine + run.getKey() + ".lock");
            int fd = Posix.openExisting(lock);
            boolean dead = fd < 0 || Posix.tryLockExclusive(fd);
            if (dead) {
                for (Path segment : run.getValue()) {
                    removed += deleteQuietly(segment) ? 1 : 0;
                }
                if (fd >= 0) {
                    removed += deleteQuietly(lock) ? 1 : 0;
                    locks.remove(lock);
                }
            }
            Posix.close(fd);
        }
        for (Path lock : locks) {
            int fd = Posix.openExisting(lock);
            if (fd >= 0 && Posix.tryLockExclusive(fd)) {
                removed += deleteQuietly(lock) ? 1 : 0;
            }
            Posix.close(fd);
        }
        return removed;
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false;
        }
    }
}
