package io.visualcircuit.app.live;

import io.visualcircuit.app.editor.EditorExtension;
import io.visualcircuit.app.editor.EditorSettings;
import io.visualcircuit.app.editor.EditorWindow;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Makes the README screenshot of a running circuit with live values and a probe open:
 * {@code LiveScreenshot CIRCUIT OUT.png}. Run it with the test classpath under a real X server
 * (for example {@code xvfb-run}). Not a test: it only produces an image to look at.
 */
public final class LiveScreenshot {
    private LiveScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path circuit = Path.of(args[0]);
        Path out = Path.of(args[1]);
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        CompletableFuture<EditorWindow> opened = new CompletableFuture<>();
        Path settingsDir = Files.createTempDirectory("vc-shot");
        Platform.runLater(() -> {
            Stage stage = new Stage();
            EditorWindow w = new EditorWindow(stage, new EditorSettings(settingsDir));
            for (EditorExtension ext : ServiceLoader.load(EditorExtension.class)) {
                ext.attach(w);
            }
            stage.setWidth(1400);
            stage.setHeight(940);
            stage.show();
            w.load(circuit);
            w.canvas().zoomToFit();
            opened.complete(w);
        });
        EditorWindow w = opened.get(20, TimeUnit.SECONDS);
        RunController c = onFx(() -> LiveExtension.controllerOf(w));
        onFx(() -> w.runControls().onRunProperty().get()).run();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (c.phase() != RunController.Phase.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        String probe = args.length > 2 ? args[2] : c.run().wires().get(c.run().wires().size() - 1).wire();
        onFx(() -> {
            ProbePanel p = (ProbePanel) w.stage().getScene().lookup("#probePanel");
            p.pin(probe);
            // A taller console area (after the first layout, which sets the editor's own divider)
            // so the probe's plot is in the picture.
            w.stage().getScene().getRoot().lookupAll(".split-pane").forEach(n -> {
                var sp = (javafx.scene.control.SplitPane) n;
                if (sp.getOrientation() == javafx.geometry.Orientation.VERTICAL) {
                    sp.setDividerPositions(0.6);
                }
            });
            return null;
        });
        // Let values, plots and the probe history fill for a few seconds.
        Thread.sleep(6000);
        CompletableFuture<Void> shot = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                var img = w.stage().getScene().snapshot(null);
                ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out.toFile());
                shot.complete(null);
            } catch (Exception e) {
                shot.completeExceptionally(e);
            }
        });
        shot.get(20, TimeUnit.SECONDS);
        onFx(() -> {
            c.stop();
            return null;
        });
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (c.phase() != RunController.Phase.IDLE && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(call.call());
            } catch (Exception e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(20, TimeUnit.SECONDS);
    }
}
