package io.visualcircuit.app.canvas;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewTransformTest {

    @ParameterizedTest
    @CsvSource({"100, 80, 1.25", "0, 0, 0.5", "640, 400, 3.0", "333, 21, 0.1"})
    void shouldKeepTheWorldPointUnderTheMouseWhenZooming(double sx, double sy, double factor) {
        ViewTransform v = new ViewTransform();
        v.set(0.8, 37, -12);
        double wx = v.toWorldX(sx);
        double wy = v.toWorldY(sy);
        v.zoomAt(sx, sy, factor);
        assertEquals(sx, v.toScreenX(wx), 1e-9);
        assertEquals(sy, v.toScreenY(wy), 1e-9);
    }

    @Test
    void shouldClampTheZoomToItsLimits() {
        ViewTransform v = new ViewTransform();
        v.zoomAt(0, 0, 1000);
        assertEquals(ViewTransform.MAX_SCALE, v.scale());
        v.zoomAt(0, 0, 1e-6);
        assertEquals(ViewTransform.MIN_SCALE, v.scale());
    }

    @Test
    void shouldFitContentInsideTheViewWithoutZoomingPastOneHundredPercent() {
        ViewTransform v = new ViewTransform();
        v.fit(0, 0, 4000, 1000, 800, 600);
        assertTrue(v.toScreenX(0) >= 0 && v.toScreenX(4000) <= 800, "fits horizontally");
        assertEquals(400, v.toScreenX(2000), 1e-9);
        assertEquals(300, v.toScreenY(500), 1e-9);
        v.fit(0, 0, 100, 50, 800, 600);
        assertEquals(1.0, v.scale());
    }
}
