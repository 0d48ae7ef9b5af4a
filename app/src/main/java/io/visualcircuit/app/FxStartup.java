package io.visualcircuit.app;

import javafx.application.Platform;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the JavaFX toolkit for commands that are not a normal editor launch (the editor
 * benchmark, screenshots). With no display (no {@code DISPLAY} and no {@code WAYLAND_DISPLAY}) it
 * selects the Monocle headless platform with software rendering; those properties must be set
 * before the toolkit starts, which is why this class exists.
 *
 * <p>Threading: call from any thread except the FX thread; returns once the toolkit runs.
 */
public final class FxStartup {
    private FxStartup() {
    }

    /** True when there is no display to open windows on. */
    public static boolean headless() {
        String x = System.getenv("DISPLAY");
        String w = System.getenv("WAYLAND_DISPLAY");
        return (x == null || x.isBlank()) && (w == null || w.isBlank());
    }

    /**
     * Starts the toolkit if needed. {@code software} forces the software pipeline (prism.order=sw),
     * as the benchmark requires; headless runs always use it.
     */
    public static void start(boolean software) {
        if (headless() && System.getProperty("glass.platform") == null) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.text", "t2k");
            software = true;
        }
        if (software && System.getProperty("prism.order") == null) {
            System.setProperty("prism.order", "sw");
        }
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (IllegalStateException alreadyRunning) {
            started.countDown();
        }
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the JavaFX toolkit did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting JavaFX", e);
        }
        Platform.setImplicitExit(false);
    }
}
