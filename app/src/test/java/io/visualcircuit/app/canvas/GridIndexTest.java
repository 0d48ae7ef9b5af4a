package io.visualcircuit.app.canvas;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

class GridIndexTest {

    @Test
    void shouldFindExactlyTheBoxesThatMeetTheQueryLikeABruteForceScan() {
        Random r = new Random(42);
        GridIndex index = new GridIndex(100);
        List<double[]> boxes = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            double x = r.nextDouble() * 5000 - 1000;
            double y = r.nextDouble() * 5000 - 1000;
            // A few very long boxes exercise the oversize list.
            double w = i % 97 == 0 ? 20000 : r.nextDouble() * 300;
            double h = r.nextDouble() * 200;
            boxes.add(new double[] {x, y, x + w, y + h});
            index.add(x, y, x + w, y + h);
        }
        for (int q = 0; q < 200; q++) {
            double x0 = r.nextDouble() * 6000 - 1500;
            double y0 = r.nextDouble() * 6000 - 1500;
            double x1 = x0 + r.nextDouble() * (q % 10 == 0 ? 8000 : 800);
            double y1 = y0 + r.nextDouble() * 600;
            Set<Integer> expected = new TreeSet<>();
            for (int i = 0; i < boxes.size(); i++) {
                double[] b = boxes.get(i);
                if (b[0] <= x1 && b[2] >= x0 && b[1] <= y1 && b[3] >= y0) {
                    expected.add(i);
                }
            }
            Set<Integer> found = new TreeSet<>();
            List<Integer> visits = new ArrayList<>();
            index.query(x0, y0, x1, y1, i -> {
                found.add(i);
                visits.add(i);
            });
            assertEquals(expected, found, "query " + q);
            assertEquals(found.size(), visits.size(), "each item reported once");
        }
    }

    @Test
    void shouldReportNothingForAnEmptyIndex() {
        GridIndex index = new GridIndex(256);
        List<Integer> found = new ArrayList<>();
        index.query(-1e6, -1e6, 1e6, 1e6, found::add);
        assertEquals(List.of(), found);
    }
}
