package io.visualcircuit.runtime.format;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a circuit from disk whatever its kind: our JSON format, or (by extension) a project of the
 * original VisualCircuit tool. Stateless; any thread may call.
 */
public final class CircuitFiles {
    /** Larger files are refused before reading them into memory. */
    public static final long MAX_FILE_BYTES = JsonTree.MAX_DOCUMENT;

    private CircuitFiles() {
    }

    /**
     * Reads {@code file}. Problems name the file as {@code file.toString()}.
     *
     * @throws CircuitFormatException when the file is missing, unreadable, too large or not a circuit
     */
    public static LoadResult read(Path file) throws CircuitFormatException {
        String name = file.toString();
        byte[] bytes = readBytes(file, name);
        return CircuitJson.parse(bytes, name);
    }

    private static byte[] readBytes(Path file, String name) throws CircuitFormatException {
        try {
            if (Files.isDirectory(file)) {
                throw new CircuitFormatException(name, 1, 1, "this is a directory, not a circuit file");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CircuitFormatException(name, 1, 1, "the file is " + (size >> 20)
                        + " MiB, larger than the limit of " + (MAX_FILE_BYTES >> 20) + " MiB for a circuit");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new CircuitFormatException(name, 1, 1, "no such file");
        } catch (AccessDeniedException e) {
            throw new CircuitFormatException(name, 1, 1, "permission denied");
        } catch (IOException e) {
            throw new CircuitFormatException(name, 1, 1, "cannot read the file: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
