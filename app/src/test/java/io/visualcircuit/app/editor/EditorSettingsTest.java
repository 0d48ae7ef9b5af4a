package io.visualcircuit.app.editor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorSettingsTest {

    @Test
    void shouldRememberTheThemeAndWireStyleAcrossStarts(@TempDir Path dir) {
        EditorSettings first = new EditorSettings(dir);
        first.put("theme", Theme.NORD_DARK.name());
        first.put("wires.orthogonal", "true");

        EditorSettings second = new EditorSettings(dir);
        assertEquals(Theme.NORD_DARK, Theme.parse(second.get("theme", null)));
        assertTrue(second.getBoolean("wires.orthogonal", false));
    }

    @Test
    void shouldFallBackToDefaultsForAMissingOrBrokenFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("editor.properties"), "theme=\\uZZZZ broken");
        EditorSettings s = new EditorSettings(dir);
        assertEquals(Theme.PRIMER_LIGHT, Theme.parse(s.get("theme", "nonsense")));
        assertFalse(s.getBoolean("grid.snap.missing", false));
    }
}
