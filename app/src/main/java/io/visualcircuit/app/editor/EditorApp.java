package io.visualcircuit.app.editor;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The JavaFX application of the editor: opens one window, loads the file given on the command line
 * (or offers to recover unsaved work from a crash), and attaches the {@link EditorExtension}s.
 * With {@code --screenshot FILE} it saves a picture of the window once the circuit is painted and
 * exits (used for the documentation).
 *
 * <p>Threading: JavaFX calls {@link #start} on the FX thread.
 */
public final class EditorApp extends Application {
    private static final List<EditorWindow> OPEN = new ArrayList<>();

    /** Launches the editor and blocks until its window closes. */
    public static void launchEditor(Path file, Path screenshot, String theme, String select) {
        List<String> args = new ArrayList<>();
        if (file != null) {
            args.add("--file=" + file.toAbsolutePath());
        }
        if (screenshot != null) {
            args.add("--screenshot=" + screenshot.toAbsolutePath());
        }
        if (theme != null) {
            args.add("--theme=" + theme);
        }
        if (select != null) {
            args.add("--select=" + select);
        }
        Application.launch(EditorApp.class, args.toArray(String[]::new));
    }

    @Override
    public void start(Stage stage) {
        var named = getParameters().getNamed();
        EditorSettings settings = new EditorSettings(EditorSettings.defaultDirectory());
        if (named.containsKey("theme")) {
            settings.put("theme", Theme.parse(named.get("theme")).name());
        }
        EditorWindow window = new EditorWindow(stage, settings);
        for (EditorExtension ext : ServiceLoader.load(EditorExtension.class)) {
            try {
                ext.attach(window);
            } catch (RuntimeException e) {
                window.showMessage("An editor extension failed to start: " + e.getMessage(), true);
            }
        }
        OPEN.add(window);
        stage.setOnHidden(e -> OPEN.remove(window));
        stage.show();
        String file = named.get("file");
        String shot = named.get("screenshot");
        if (file != null) {
            window.load(Path.of(file));
            String select = named.get("select");
            if (select != null && window.document().circuit().block(select).isPresent()) {
                window.canvas().select(java.util.Set.of(select), java.util.Set.of(), java.util.Set.of());
            }
        } else if (shot == null) {
            Platform.runLater(window::offerRecovery);
        }
        if (shot != null) {
            takeScreenshot(window, Path.of(shot));
        }
    }

    /** Waits for a few painted frames, then writes the window's scene as PNG and exits. */
    private static void takeScreenshot(EditorWindow window, Path target) {
        long start = window.canvas().framesPainted();
        javafx.animation.AnimationTimer timer = new javafx.animation.AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (window.canvas().framesPainted() > start && ++pulses > 20) {
                    stop();
                    int code = 0;
                    try {
                        WritableImage img = window.stage().getScene().snapshot(null);
                        Files.createDirectories(target.toAbsolutePath().getParent());
                        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", target.toFile());
                        System.out.println("screenshot: " + target);
                    } catch (IOException e) {
                        System.err.println("vcircuit: cannot write the screenshot: " + e.getMessage());
                        code = 1;
                    }
                    System.exit(code);
                }
            }
        };
        timer.start();
    }

    /** The editor windows open now (FX thread). */
    public static List<EditorWindow> openWindows() {
        return List.copyOf(OPEN);
    }
}
