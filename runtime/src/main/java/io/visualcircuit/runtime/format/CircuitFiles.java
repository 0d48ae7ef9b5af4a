package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.SourceMap;
import io.visualcircuit.runtime.vc.VcImport;
import io.visualcircuit.runtime.vc.VcImportException;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads a circuit from disk whatever its kind: our JSON format, or (by extension) a project of the
 * original VisualCircuit tool. Stateless; any thread may call.
 */
public final class CircuitFiles {
    /** Larger files are refused before reading them into memory. */
    public static final long MAX_FILE_BYTES = JsonReading.MAX_DOCUMENT;

    private CircuitFiles() {
    }

    /**
     * Reads {@code file}: {@code .vc3} and {@code .vc} files through the VisualCircuit importer
     * (its notes become warnings), anything else as our JSON format. Problems name the file as
     * {@code file.toString()}.
     *
     * @throws CircuitFormatException when the file is missing, unreadable, too large or not a circuit
     */
    public static LoadResult read(Path file) throws CircuitFormatException {
        String name = file.toString();
        byte[] bytes = readBytes(file, name);
        if (isVisualCircuitProject(file)) {
            return importProject(bytes, name);
        }
        return CircuitJson.parse(bytes, name);
    }

    /** Whether {@link #read(Path)} imports this file as a project of the original VisualCircuit. */
    public static boolean isVisualCircuitProject(Path file) {
        Path fileName = file.getFileName();
        String lower = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".vc3") || lower.endsWith(".vc");
    }

    private static LoadResult importProject(byte[] bytes, String name) throws CircuitFormatException {
        VcImport.Result imported;
        try {
            imported = VcImport.parse(bytes, name);
        } catch (VcImportException e) {
            throw new CircuitFormatException(name, Math.max(1, e.line()), Math.max(1, e.column()), e.detail());
        }
        // Imported parts have no place in our format; point every problem at the file as a whole.
        SourceMap.Position whole = new SourceMap.Position(1, 1);
        List<Problem> notes = imported.notes().stream()
                .map(n -> Problem.warning("import: " + n, null, null, whole))
                .toList();
        return new LoadResult(imported.circuit(), notes, new SourceMap.Builder().root(whole).build());
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
