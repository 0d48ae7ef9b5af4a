package io.visualcircuit.app.editor;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * Editor preferences that survive restarts (look, wire style, grid snapping), stored as a small
 * properties file in the settings folder: {@code vc.settings.dir} when set (tests use it), else
 * {@code $XDG_CONFIG_HOME/visualcircuit}, else {@code ~/.config/visualcircuit}.
 *
 * <p>Threading: FX thread. A missing or unreadable file just means defaults.
 */
public final class EditorSettings {
    private final Path file;
    private final Properties values = new Properties();

    public EditorSettings(Path directory) {
        this.file = directory.resolve("editor.properties");
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // First start, unreadable or damaged (e.g. a broken \\u escape): defaults.
            values.clear();
        }
    }

    /** The settings folder of this user. */
    public static Path defaultDirectory() {
        String p = System.getProperty("vc.settings.dir");
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "visualcircuit");
        }
        return Path.of(System.getProperty("user.home"), ".config", "visualcircuit");
    }

    public String get(String key, String def) {
        return values.getProperty(key, def);
    }

    public boolean getBoolean(String key, boolean def) {
        return Boolean.parseBoolean(values.getProperty(key, Boolean.toString(def)));
    }

    /** Sets a value and writes the file (best effort: a read-only home only loses the preference). */
    public void put(String key, String value) {
        values.setProperty(key, value);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "VisualCircuit editor settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Preferences are a convenience; never interrupt editing for them.
        }
    }
}
