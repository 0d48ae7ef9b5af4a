package io.visualcircuit.app.canvas;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The block icons in the {@code icons/} resource folder: small line-art SVG files (24x24 view
 * box) and {@code index.properties}, which maps type ids (exactly) and keywords of type ids and
 * categories to files. The
 * canvas draws the SVG path data directly with {@code GraphicsContext.appendSVGPath}, so icons stay
 * crisp at every zoom.
 *
 * <p>Threading: immutable after construction; safe to share.
 */
public final class BlockIcons {
    private static final Pattern PATH_D = Pattern.compile("<path[^>]*\\sd=\"([^\"]*)\"");
    private static final BlockIcons STANDARD = new BlockIcons();

    private final Map<String, String> exact = new HashMap<>();
    private final Map<String, String> rules = new LinkedHashMap<>();
    private final Map<String, String> svgPaths = new HashMap<>();
    private final Map<String, String> resolved = new HashMap<>();

    private BlockIcons() {
        try (InputStream in = BlockIcons.class.getResourceAsStream("/icons/index.properties")) {
            if (in != null) {
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    line = line.strip();
                    int eq = line.indexOf('=');
                    if (line.isEmpty() || line.startsWith("#") || eq < 1) {
                        continue;
                    }
                    String key = line.substring(0, eq).strip();
                    String value = line.substring(eq + 1).strip();
                    if (key.startsWith("type:")) {
                        exact.put(key.substring(5), value);
                    } else {
                        rules.put(key, value);
                    }
                }
            }
        } catch (IOException e) {
            // No index: every block shows the default icon.
        }
    }

    public static BlockIcons standard() {
        return STANDARD;
    }

    /** The icon file name (without {@code .svg}) for a block type in a category. */
    public synchronized String iconName(String typeId, String category) {
        String key = typeId + "\u0000" + category;
        String hit = resolved.get(key);
        if (hit != null) {
            return hit;
        }
        String name = exact.get(typeId);
        if (name == null) {
            String t = typeId.toLowerCase(Locale.ROOT);
            String c = category == null ? "" : category.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> e : rules.entrySet()) {
                if (t.contains(e.getKey()) || c.contains(e.getKey())) {
                    name = e.getValue();
                    break;
                }
            }
        }
        if (name == null || svgPath(name) == null) {
            name = "default";
        }
        resolved.put(key, name);
        return name;
    }

    /** The SVG path data of the named icon, all its paths joined, or null when there is none. */
    public synchronized String svgPath(String name) {
        if (svgPaths.containsKey(name)) {
            return svgPaths.get(name);
        }
        String d = null;
        try (InputStream in = BlockIcons.class.getResourceAsStream("/icons/" + name + ".svg")) {
            if (in != null) {
                String svg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                Matcher m = PATH_D.matcher(svg);
                List<String> parts = new ArrayList<>();
                while (m.find()) {
                    parts.add(m.group(1));
                }
                d = parts.isEmpty() ? null : String.join(" ", parts);
            }
        } catch (IOException e) {
            d = null;
        }
        svgPaths.put(name, d);
        return d;
    }

    /** The SVG path data for a block type (never null: falls back to the default icon). */
    public String pathFor(String typeId, String category) {
        String d = svgPath(iconName(typeId, category));
        return d == null ? "" : d;
    }
}
