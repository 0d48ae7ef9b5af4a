package io.visualcircuit.app.canvas;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WirePathTest {

    @Test
    void shouldStartAndEndTheCurveAtThePorts() {
        double[] p = new double[2];
        WirePath.bezierPoint(10, 20, 300, 140, 0, p);
        assertEquals(10, p[0], 1e-9);
        assertEquals(20, p[1], 1e-9);
        WirePath.bezierPoint(10, 20, 300, 140, 1, p);
        assertEquals(300, p[0], 1e-9);
        assertEquals(140, p[1], 1e-9);
    }

    @Test
    void shouldMeasureNearZeroDistanceOnTheWireAndLargeDistanceAwayFromIt() {
        double[] mid = new double[2];
        WirePath.bezierPoint(0, 0, 400, 200, 0.5, mid);
        assertTrue(WirePath.distance(0, 0, 400, 200, false, mid[0], mid[1]) < 1.0);
        assertTrue(WirePath.distance(0, 0, 400, 200, false, 0, 200) > 50);
    }

    @Test
    void shouldMeasureOrthogonalWiresAlongTheirThreeSegments() {
        double mx = WirePath.orthogonalMidX(0, 200);
        assertEquals(100, mx);
        assertEquals(0, WirePath.distance(0, 0, 200, 100, true, 100, 50), 1e-9);
        assertEquals(0, WirePath.distance(0, 0, 200, 100, true, 150, 100), 1e-9);
        assertEquals(50, WirePath.distance(0, 0, 200, 100, true, 50, 50), 1e-9);
    }
}
