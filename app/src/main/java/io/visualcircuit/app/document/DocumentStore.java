package io.visualcircuit.app.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.CircuitJson;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Puts documents on disk safely: atomic saves that keep the previous version as {@code NAME.bak},
 * autosaves for crash recovery, and the list of recently used files.
 *
 * <p>A save writes a temporary file in the target's folder, forces it to disk, keeps the old file
 * as {@code NAME.bak}, then renames the temporary file over the target. The target therefore
 * always holds either the old or the new circuit, never a half-written one, whatever fails.
 *
 * <p>Autosaves and the recent-files list live in the settings folder: the {@code vc.settings.dir}
 * system property when set, else {@code $XDG_CONFIG_HOME/visualcircuit}, else
 * {@code ~/.config/visualcircuit}.
 *
 * <p>Threading: methods taking a {@link Document} must be called on the document's thread (the
 * JavaFX application thread); they write small files synchronously. The others may be called from
 * any thread, but one store instance is not meant to be shared by concurrent writers.
 */
public final class DocumentStore {
    /** How many recent files are remembered. */
    public static final int MAX_RECENT = 10;

    private static final String RECENT_FILE = "recent-files.json";
    private static final String RECOVERY_DIR = "recovery";
    private static final String CIRCUIT_SUFFIX = ".json";
    private static final String META_SUFFIX = ".meta";
    private static final Set<PosixFilePermission> NEW_FILE_PERMISSIONS = PosixFilePermissions.fromString("rw-r--r--");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path settingsDir;
    /** Per open document: the key of its autosave and the revision last written. */
    private final Map<Document, AutosaveState> autosaves = new WeakHashMap<>();

    private static final class AutosaveState {
        final String key;
        long revision = -1;
        Path file;

        AutosaveState(String key) {
            this.key = key;
        }
    }

    /** Writes the bytes of a file; used to make saving testable with failing writers. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public DocumentStore(Path settingsDir) {
        this.settingsDir = settingsDir.toAbsolutePath();
    }

    /** A store in the {@linkplain #defaultSettingsDir() default settings folder}. */
    public static DocumentStore standard() {
        return new DocumentStore(defaultSettingsDir());
    }

    /** The settings folder as described in the class comment. */
    public static Path defaultSettingsDir() {
        String prop = System.getProperty("vc.settings.dir");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "visualcircuit");
        }
        return Path.of(System.getProperty("user.home"), ".config", "visualcircuit");
    }

    public Path settingsDir() {
        return settingsDir;
    }

    // ------------------------------------------------------------------ saving

    /**
     * Saves the document's circuit to {@code target} atomically (keeping the previous version as
     * {@code target.bak}), marks the document saved to that file (as an absolute path), adds it to the recent files and
     * removes its autosave.
     *
     * @throws IOException with a message fit for the user; the document then stays dirty and the
     *                     file on disk is unchanged
     */
    public void save(Document document, Path target) throws IOException {
        Path file = target.toAbsolutePath().normalize();
        byte[] bytes = CircuitJson.write(document.circuit());
        writeAtomically(file, out -> out.write(bytes));
        document.markSaved(file);
        try {
            addRecent(file);
            discardRecovery(document);
        } catch (IOException e) {
            // The circuit is safely saved; a stale recent list or autosave must not report failure.
        }
    }

    /** The backup kept beside {@code file} by a save: {@code NAME.bak}. */
    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }

    /**
     * Writes a file so that it holds either its old or its new content whatever fails: a temporary
     * file in the same folder is written and forced to disk, the old file is kept as
     * {@link #backupOf NAME.bak}, and the temporary file is renamed over the target. A symbolic link
     * is followed, so the file it points to is replaced. The permissions of the old file are kept.
     */
    public static void writeAtomically(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    private static void write(Path target, Content content, boolean backup) throws IOException {
        Path file = target.toAbsolutePath();
        if (Files.isSymbolicLink(file) && Files.exists(file)) {
            file = file.toRealPath();
        }
        Path dir = file.getParent();
        String name = file.getFileName().toString();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("Could not save " + name + ": the folder " + dir + " does not exist");
        }
        if (Files.isDirectory(file)) {
            throw new IOException("Could not save " + name + ": it is a folder");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IOException("Could not save " + name + ": the file is read-only");
        }
        Path tmp;
        try {
            tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        } catch (IOException e) {
            throw userMessage("Could not save " + name, e);
        }
        boolean done = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                    OutputStream out = Channels.newOutputStream(ch)) {
                content.writeTo(out);
                out.flush();
                ch.force(true);
            }
            copyPermissions(file, tmp);
            if (backup && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                keepBackup(file);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
            forceDirectory(dir);
        } catch (IOException e) {
            throw userMessage("Could not save " + name, e);
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    private static void keepBackup(Path file) throws IOException {
        Path bak = backupOf(file);
        Files.deleteIfExists(bak);
        try {
            // A hard link keeps the old content without copying, and the target never disappears.
            Files.createLink(bak, file);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(file, bak, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Set<PosixFilePermission> perms = Files.exists(from)
                    ? Files.getPosixFilePermissions(from)
                    : NEW_FILE_PERMISSIONS;
            Files.setPosixFilePermissions(to, perms);
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: the temporary file's default permissions will do.
        }
    }

    private static void forceDirectory(Path dir) {
        // Makes the rename itself durable; not all platforms let a folder be opened, which is fine.
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // The data is on disk already; only the rename's durability is best effort.
        }
    }

    private static IOException userMessage(String what, IOException e) {
        String why;
        if (e instanceof AccessDeniedException a) {
            why = "permission denied (" + a.getFile() + ")";
        } else if (e instanceof NoSuchFileException n) {
            why = "no such file or folder (" + n.getFile() + ")";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            why = f.getReason();
        } else {
            why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e.getMessage() != null && e.getMessage().startsWith(what)) {
            return e;
        }
        return new IOException(what + ": " + why, e);
    }

    // ---------------------------------------------------------------- recovery

    /**
     * Writes the document to its recovery file when it changed since the last autosave. Cheap when
     * nothing changed (one revision comparison), so a timer may call it often. A clean document
     * needs no recovery: its autosave, if any, is removed.
     *
     * @return true when a recovery file was written
     */
    public boolean autosave(Document document) throws IOException {
        AutosaveState state = autosaves.computeIfAbsent(document, d -> new AutosaveState(newKey()));
        if (!document.isDirty()) {
            if (state.revision != -1) {
                deleteRecoveryFiles(state.key);
                state.revision = -1;
            }
            return false;
        }
        if (state.revision == document.revision() && java.util.Objects.equals(state.file, document.file())) {
            return false;
        }
        Path dir = Files.createDirectories(recoveryDir());
        byte[] circuit = CircuitJson.write(document.circuit());
        ObjectNode meta = JSON.createObjectNode();
        meta.put("original", document.file() == null ? null : document.file().toAbsolutePath().toString());
        meta.put("savedAt", Instant.now().toString());
        meta.put("pid", ProcessHandle.current().pid());
        byte[] metaBytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(meta);
        // Circuit first, then the metadata: a recovery counts only once both are complete.
        write(dir.resolve(state.key + CIRCUIT_SUFFIX), out -> out.write(circuit), false);
        write(dir.resolve(state.key + META_SUFFIX), out -> out.write(metaBytes), false);
        state.revision = document.revision();
        state.file = document.file();
        return true;
    }

    /**
     * Work left by editors that did not close cleanly, newest first. Autosaves of editors that are
     * still running are skipped, and unreadable ones are left out.
     */
    public List<Recovery> findRecoveries() {
        List<Recovery> found = new ArrayList<>();
        Path dir = recoveryDir();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> metas = Files.newDirectoryStream(dir, "*" + META_SUFFIX)) {
            for (Path meta : metas) {
                String name = meta.getFileName().toString();
                String key = name.substring(0, name.length() - META_SUFFIX.length());
                try {
                    JsonNode m = JSON.readTree(meta.toFile());
                    long pid = m.path("pid").asLong(-1);
                    if (pid != ProcessHandle.current().pid() && pid > 0
                            && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    if (pid == ProcessHandle.current().pid() && ownsKey(key)) {
                        continue;
                    }
                    byte[] bytes = Files.readAllBytes(dir.resolve(key + CIRCUIT_SUFFIX));
                    String original = m.path("original").isTextual() ? m.path("original").asText() : null;
                    Instant at = Instant.parse(m.path("savedAt").asText());
                    found.add(new Recovery(key, CircuitJson.parse(bytes, key + CIRCUIT_SUFFIX).circuit(),
                            original == null ? null : Path.of(original), at));
                } catch (IOException | CircuitFormatException | RuntimeException e) {
                    // A broken autosave cannot be offered; it stays on disk for a person to look at.
                }
            }
        } catch (IOException e) {
            return found;
        }
        found.sort(Comparator.comparing(Recovery::savedAt).reversed());
        return found;
    }

    /** The newest work left by an editor that did not close cleanly, if any. */
    public java.util.Optional<Recovery> findRecovery() {
        return findRecoveries().stream().findFirst();
    }

    /** Removes a recovery that was restored or declined. */
    public void discardRecovery(Recovery recovery) throws IOException {
        deleteRecoveryFiles(recovery.key());
    }

    /** Removes the document's autosave, after a clean save or close. */
    public void discardRecovery(Document document) throws IOException {
        AutosaveState state = autosaves.remove(document);
        if (state != null) {
            deleteRecoveryFiles(state.key);
        }
    }

    private boolean ownsKey(String key) {
        return autosaves.values().stream().anyMatch(s -> s.key.equals(key));
    }

    private Path recoveryDir() {
        return settingsDir.resolve(RECOVERY_DIR);
    }

    private void deleteRecoveryFiles(String key) throws IOException {
        Path dir = recoveryDir();
        Files.deleteIfExists(dir.resolve(key + META_SUFFIX));
        Files.deleteIfExists(dir.resolve(key + CIRCUIT_SUFFIX));
    }

    private static String newKey() {
        byte[] b = new byte[6];
        RANDOM.nextBytes(b);
        return "autosave-" + System.currentTimeMillis() + "-" + HexFormat.of().formatHex(b);
    }

    // ------------------------------------------------------------ recent files

    /** Recently used files, most recent first; files that no longer exist are left out (and forgotten). */
    public List<Path> recentFiles() {
        List<Path> stored = readRecent();
        List<Path> existing = new ArrayList<>();
        for (Path p : stored) {
            if (Files.isRegularFile(p)) {
                existing.add(p);
            }
        }
        if (existing.size() != stored.size()) {
            try {
                writeRecent(existing);
            } catch (IOException e) {
                // The list is pruned again next time.
            }
        }
        return existing;
    }

    /** Puts {@code file} first in the recent files, keeping at most {@value #MAX_RECENT}. */
    public void addRecent(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(readRecent());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX_RECENT) {
            list.remove(list.size() - 1);
        }
        writeRecent(list);
    }

    /** Forgets all recent files. */
    public void clearRecent() throws IOException {
        writeRecent(List.of());
    }

    private List<Path> readRecent() {
        Path f = settingsDir.resolve(RECENT_FILE);
        List<Path> out = new ArrayList<>();
        if (!Files.isRegularFile(f)) {
            return out;
        }
        try {
            JsonNode root = JSON.readTree(Files.readString(f, StandardCharsets.UTF_8));
            JsonNode files = root == null ? null : root.path("files");
            if (files != null && files.isArray()) {
                for (JsonNode n : files) {
                    if (n.isTextual() && out.size() < MAX_RECENT) {
                        Path p = Path.of(n.asText()).toAbsolutePath().normalize();
                        if (!out.contains(p)) {
                            out.add(p);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // A damaged list is not worth an error: start a new one.
        }
        return out;
    }

    private void writeRecent(List<Path> files) throws IOException {
        Files.createDirectories(settingsDir);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode arr = root.putArray("files");
        files.forEach(p -> arr.add(p.toString()));
        byte[] bytes = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        Path target = settingsDir.resolve(RECENT_FILE);
        write(target, out -> out.write(bytes), false);
    }
}
