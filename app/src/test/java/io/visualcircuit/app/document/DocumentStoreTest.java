package io.visualcircuit.app.document;

import static io.visualcircuit.app.document.Fixtures.CATALOG;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.visualcircuit.app.document.commands.AddBlocks;
import io.visualcircuit.app.document.commands.SetParameter;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.format.CircuitJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocumentStoreTest {
    @TempDir
    Path dir;

    private DocumentStore store() {
        return new DocumentStore(dir.resolve("settings"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void shouldSaveAndKeepThePreviousVersionAsBak() throws Exception {
        Path file = dir.resolve("work.json");
        Document doc = new Document(Fixtures.sample(), null);
        doc.execute(new SetParameter(CATALOG, "gain1", "k", 3.0));
        DocumentStore store = store();
        store.save(doc, file);
        assertFalse(doc.isDirty());
        assertEquals(file, doc.file());
        assertFalse(Files.exists(DocumentStore.backupOf(file)), "a new file has no previous version");
        byte[] first = Files.readAllBytes(file);
        assertArrayEquals(CircuitJson.write(doc.circuit()), first);

        doc.execute(new SetParameter(CATALOG, "gain1", "k", 4.0));
        store.save(doc, file);
        assertArrayEquals(first, Files.readAllBytes(dir.resolve("work.json.bak")));
        assertEquals(4.0, CircuitJson.parse(Files.readAllBytes(file), "work.json").circuit()
                .block("gain1").orElseThrow().params().get("k"));
        assertEquals(List.of("settings", "work.json", "work.json.bak"), names(dir), "no temporary file left");
        assertEquals(List.of(file.toAbsolutePath()), store.recentFiles());
    }

    @Test
    void shouldLeaveTheOldFileIntactWhenWritingFails() throws Exception {
        Path file = dir.resolve("work.json");
        Files.writeString(file, "old content\n");
        IOException e = assertThrows(IOException.class, () -> DocumentStore.writeAtomically(file, out -> {
            out.write("{\"format\": \"visualc".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals("Could not save work.json: No space left on device", e.getMessage());
        assertEquals("old content\n", Files.readString(file));
        assertEquals(List.of("work.json"), names(dir), "neither a half-written file nor a temporary one");
    }

    @Test
    void shouldLeaveTheDocumentDirtyWhenSavingFails() throws Exception {
        Document doc = new Document(Fixtures.sample(), null);
        doc.execute(AddBlocks.ofType(CATALOG, "sine", 0, 0));
        IOException e = assertThrows(IOException.class,
                () -> store().save(doc, dir.resolve("missing-folder").resolve("x.json")));
        assertTrue(e.getMessage().startsWith("Could not save x.json: the folder"), e.getMessage());
        assertTrue(doc.isDirty());
        assertNull(doc.file());
    }

    @Test
    void shouldKeepTheFilePermissionsAndFollowSymbolicLinks() throws Exception {
        Path real = dir.resolve("real.json");
        Files.writeString(real, "old");
        Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-------"));
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), real);
        DocumentStore.writeAtomically(link, out -> out.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link), "the link is kept");
        assertEquals("new", Files.readString(real));
        assertEquals("old", Files.readString(dir.resolve("real.json.bak")));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    }

    @Test
    void shouldRefuseToOverwriteAReadOnlyFile() throws Exception {
        Path file = dir.resolve("locked.json");
        Files.writeString(file, "keep");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(file), "running as root");
        IOException e = assertThrows(IOException.class,
                () -> DocumentStore.writeAtomically(file, out -> out.write(1)));
        assertEquals("Could not save locked.json: the file is read-only", e.getMessage());
        assertEquals("keep", Files.readString(file));
    }

    @Test
    void shouldRecoverAutosavedWorkAtTheNextStart() throws Exception {
        Path original = dir.resolve("work.json");
        Document doc = new Document(Fixtures.sample(), original);
        doc.execute(AddBlocks.ofType(CATALOG, "gain", 10, 10));
        DocumentStore running = store();
        assertTrue(running.autosave(doc));
        assertTrue(running.findRecoveries().isEmpty(), "this editor's own autosave is not offered to itself");

        DocumentStore nextStart = store();
        List<Recovery> found = nextStart.findRecoveries();
        assertEquals(1, found.size());
        Recovery r = found.get(0);
        assertEquals(CircuitJson.writeString(doc.circuit()), CircuitJson.writeString(r.circuit()));
        assertEquals(original.toAbsolutePath(), r.originalFile());
        assertEquals(r, nextStart.findRecovery().orElseThrow());

        Document restored = new Document();
        restored.replaceAllUnsaved(r.circuit(), r.originalFile());
        assertTrue(restored.isDirty());
        nextStart.discardRecovery(r);
        assertTrue(store().findRecoveries().isEmpty());
    }

    @Test
    void shouldNotRewriteTheAutosaveWhenNothingChanged() throws Exception {
        Document doc = new Document(Fixtures.sample(), null);
        doc.execute(AddBlocks.ofType(CATALOG, "gain", 10, 10));
        DocumentStore store = store();
        assertTrue(store.autosave(doc));
        Path recovery = dir.resolve("settings").resolve("recovery");
        List<String> files = names(recovery);
        Path circuitFile = recovery.resolve(files.stream().filter(n -> !n.endsWith(".meta")).findFirst().orElseThrow());
        Files.writeString(circuitFile, "marker");
        assertFalse(store.autosave(doc));
        assertEquals("marker", Files.readString(circuitFile), "not written again");
        doc.execute(new SetParameter(CATALOG, "gain1", "k", 5.0));
        assertTrue(store.autosave(doc));
        assertEquals(files, names(recovery), "one autosave per document, overwritten in place");
    }

    @Test
    void shouldRemoveTheAutosaveOnSaveAndForCleanDocuments() throws Exception {
        Document doc = new Document(Fixtures.sample(), null);
        DocumentStore store = store();
        assertFalse(store.autosave(doc), "a clean document needs no recovery");
        doc.execute(AddBlocks.ofType(CATALOG, "gain", 10, 10));
        assertTrue(store.autosave(doc));
        store.save(doc, dir.resolve("saved.json"));
        assertEquals(List.of(), names(dir.resolve("settings").resolve("recovery")));
        doc.execute(AddBlocks.ofType(CATALOG, "gain", 10, 10));
        assertTrue(store.autosave(doc));
        doc.undo();
        assertFalse(store.autosave(doc));
        assertEquals(List.of(), names(dir.resolve("settings").resolve("recovery")),
                "undone back to the saved state: nothing to recover");
    }

    @Test
    void shouldSkipAutosavesOfEditorsStillRunningAndBrokenOnes() throws Exception {
        Document doc = new Document(Fixtures.sample(), null);
        doc.execute(AddBlocks.ofType(CATALOG, "gain", 10, 10));
        DocumentStore store = store();
        store.autosave(doc);
        Path recovery = dir.resolve("settings").resolve("recovery");
        Path meta = recovery.resolve(names(recovery).stream().filter(n -> n.endsWith(".meta")).findFirst().orElseThrow());
        ObjectMapper json = new ObjectMapper();
        ObjectNode m = (ObjectNode) json.readTree(meta.toFile());
        long livePid = ProcessHandle.current().parent().orElseThrow().pid();
        m.put("pid", livePid);
        Files.write(meta, json.writeValueAsBytes(m));
        assertTrue(store().findRecoveries().isEmpty(), "another running editor owns it");

        Files.writeString(recovery.resolve("autosave-broken.meta"), "{not json");
        Files.writeString(recovery.resolve("autosave-bad.meta"), "{\"pid\": 0, \"savedAt\": \"2026-01-01T00:00:00Z\"}");
        Files.writeString(recovery.resolve("autosave-bad.json"), "{\"format\": \"visualcircuit\"");
        assertTrue(store().findRecoveries().isEmpty());
    }

    @Test
    void shouldKeepTenRecentFilesMostRecentFirst() throws Exception {
        DocumentStore store = store();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Path f = Files.writeString(dir.resolve("c" + i + ".json"), "{}");
            files.add(f);
            store.addRecent(f);
        }
        store.addRecent(files.get(5));
        List<Path> recent = store().recentFiles();
        assertEquals(10, recent.size());
        assertEquals(files.get(5), recent.get(0));
        assertEquals(files.get(11), recent.get(1));
        assertFalse(recent.contains(files.get(0)));
        assertFalse(recent.contains(files.get(1)));
        assertEquals(List.of(files.get(5), files.get(11), files.get(10)), recent.subList(0, 3));
    }

    @Test
    void shouldPruneRecentFilesThatNoLongerExist() throws Exception {
        DocumentStore store = store();
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        Path b = Files.writeString(dir.resolve("b.json"), "{}");
        store.addRecent(a);
        store.addRecent(b);
        Files.delete(a);
        assertEquals(List.of(b), store.recentFiles());
        Files.writeString(a, "{}");
        assertEquals(List.of(b), store.recentFiles(), "a pruned file is forgotten");
    }

    @Test
    void shouldStartAFreshRecentListWhenTheStoredOneIsDamaged() throws Exception {
        Path settings = Files.createDirectories(dir.resolve("settings"));
        Files.writeString(settings.resolve("recent-files.json"), "{\"files\": [12, ");
        DocumentStore store = store();
        assertEquals(List.of(), store.recentFiles());
        Path a = Files.writeString(dir.resolve("a.json"), "{}");
        store.addRecent(a);
        assertEquals(List.of(a), store.recentFiles());
    }

    @Test
    void shouldUseTheSettingsFolderProperty() {
        String before = System.getProperty("vc.settings.dir");
        try {
            System.setProperty("vc.settings.dir", dir.resolve("custom").toString());
            assertEquals(dir.resolve("custom"), DocumentStore.defaultSettingsDir());
            System.clearProperty("vc.settings.dir");
            assertTrue(DocumentStore.defaultSettingsDir().endsWith("visualcircuit"));
        } finally {
            if (before == null) {
                System.clearProperty("vc.settings.dir");
            } else {
                System.setProperty("vc.settings.dir", before);
            }
        }
    }

    @Test
    void shouldSaveACircuitThatReadsBackTheSame() throws Exception {
        Path file = dir.resolve("same.json");
        Document doc = new Document(Fixtures.sample(), null);
        store().save(doc, file);
        Circuit back = CircuitJson.parse(Files.readAllBytes(file), "same.json").circuit();
        assertEquals(CircuitJson.writeString(doc.circuit()), CircuitJson.writeString(back));
    }
}
