package io.visualcircuit.app.canvas;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * A uniform-grid spatial index of axis-aligned boxes (item numbers 0..n-1), so painting and
 * hit-testing only look at what lies near the view or the mouse instead of every block and wire.
 * Rebuilt from scratch whenever the document changes (a build is linear in the item count), never
 * updated in place. Items spanning very many cells are kept in a short separate list instead of
 * being copied into every cell.
 *
 * <p>Threading: built and queried on the FX thread; not thread-safe.
 */
public final class GridIndex {
    private static final int MAX_CELLS_PER_ITEM = 256;

    private final double cell;
    private final Map<Long, int[]> cells = new HashMap<>();
    private final Map<Long, Integer> counts = new HashMap<>();
    private double[] boxes = new double[64];
    private int[] oversize = new int[8];
    private int oversizeCount;
    private int size;
    private int[] seen = new int[16];
    private int stamp;

    public GridIndex(double cellSize) {
        this.cell = cellSize;
    }

    public int size() {
        return size;
    }

    /** Adds the next item (its number is the count of items added before) with its bounding box. */
    public int add(double minX, double minY, double maxX, double maxY) {
        int item = size++;
        if (boxes.length < size * 4) {
            boxes = Arrays.copyOf(boxes, Math.max(size * 4, boxes.length * 2));
        }
        boxes[item * 4] = minX;
        boxes[item * 4 + 1] = minY;
        boxes[item * 4 + 2] = maxX;
        boxes[item * 4 + 3] = maxY;
        long cx0 = cellOf(minX);
        long cy0 = cellOf(minY);
        long cx1 = cellOf(maxX);
        long cy1 = cellOf(maxY);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > MAX_CELLS_PER_ITEM) {
            if (oversizeCount == oversize.length) {
                oversize = Arrays.copyOf(oversize, oversizeCount * 2);
            }
            oversize[oversizeCount++] = item;
            return item;
        }
        for (long cx = cx0; cx <= cx1; cx++) {
            for (long cy = cy0; cy <= cy1; cy++) {
                long key = key(cx, cy);
                int[] list = cells.get(key);
                int n = counts.getOrDefault(key, 0);
                if (list == null) {
                    list = new int[4];
                } else if (n == list.length) {
                    list = Arrays.copyOf(list, n * 2);
                }
                list[n] = item;
                cells.put(key, list);
                counts.put(key, n + 1);
            }
        }
        return item;
    }

    /** Calls {@code action} once for every item whose box intersects the given box. */
    public void query(double minX, double minY, double maxX, double maxY, IntConsumer action) {
        if (seen.length < size) {
            seen = new int[Math.max(size, seen.length * 2)];
        }
        stamp++;
        if (stamp == Integer.MAX_VALUE) {
            Arrays.fill(seen, 0);
            stamp = 1;
        }
        long cx0 = cellOf(minX);
        long cy0 = cellOf(minY);
        long cx1 = cellOf(maxX);
        long cy1 = cellOf(maxY);
        if ((cx1 - cx0 + 1) * (cy1 - cy0 + 1) > cells.size()) {
            // The box covers more cells than exist: walking the occupied cells is cheaper.
            for (Map.Entry<Long, int[]> e : cells.entrySet()) {
                visit(e.getValue(), counts.get(e.getKey()), minX, minY, maxX, maxY, action);
            }
        } else {
            for (long cx = cx0; cx <= cx1; cx++) {
                for (long cy = cy0; cy <= cy1; cy++) {
                    long key = key(cx, cy);
                    int[] list = cells.get(key);
                    if (list != null) {
                        visit(list, counts.get(key), minX, minY, maxX, maxY, action);
                    }
                }
            }
        }
        visit(oversize, oversizeCount, minX, minY, maxX, maxY, action);
    }

    private void visit(int[] list, int n, double minX, double minY, double maxX, double maxY, IntConsumer action) {
        for (int i = 0; i < n; i++) {
            int item = list[i];
            if (seen[item] == stamp) {
                continue;
            }
            seen[item] = stamp;
            int b = item * 4;
            if (boxes[b] <= maxX && boxes[b + 2] >= minX && boxes[b + 1] <= maxY && boxes[b + 3] >= minY) {
                action.accept(item);
            }
        }
    }

    private long cellOf(double v) {
        return (long) Math.floor(v / cell);
    }

    private static long key(long cx, long cy) {
        return (cx << 32) ^ (cy & 0xffffffffL);
    }
}
