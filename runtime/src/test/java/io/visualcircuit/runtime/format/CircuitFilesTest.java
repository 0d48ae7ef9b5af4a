package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CircuitFilesTest {

    @TempDir
    Path temp;

    @Test
    void shouldImportVisualCircuitProjectsByExtension() throws Exception {
        Path pid = temp.resolve("PID.VC3");
        Files.copy(Path.of(getClass().getResource("/vc/vc3/PID.vc3").toURI()), pid);
        LoadResult r = CircuitFiles.read(pid);
        assertTrue(r.circuit().blocks().stream().anyMatch(b -> b.type().equals("python") && b.code() != null));
        assertFalse(r.warnings().isEmpty(), "importing a package leaves notes");
        for (Problem w : r.warnings()) {
            assertTrue(w.message().startsWith("import: "), w.message());
            assertEquals(1, w.line());
            assertEquals(1, w.column());
        }
        assertEquals(1, r.sourceMap().block(0).line(), "imported parts point at the file as a whole");
    }

    @Test
    void shouldRefuseAVc3FileThatIsNotAVisualCircuitProject() throws Exception {
        Path bogus = Files.writeString(temp.resolve("bogus.vc3"), "{\"hello\": 1}");
        CircuitFormatException e = assertThrows(CircuitFormatException.class, () -> CircuitFiles.read(bogus));
        assertTrue(e.detail().contains("not a VisualCircuit project"), e.detail());
        assertEquals(1, e.line());
        assertEquals(bogus.toString(), e.file());
    }

    @Test
    void shouldReadEveryOtherExtensionAsOurFormat() throws Exception {
        Path file = Files.writeString(temp.resolve("circuit.txt"), "{\"format\": \"visualcircuit\", \"version\": 1,"
                + " \"name\": \"plain\"}");
        assertEquals("plain", CircuitFiles.read(file).circuit().name());
        assertFalse(CircuitFiles.isVisualCircuitProject(file));
        assertTrue(CircuitFiles.isVisualCircuitProject(Path.of("old", "lane.vc")));
    }
}
