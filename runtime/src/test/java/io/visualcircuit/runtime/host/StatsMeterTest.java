package io.visualcircuit.runtime.host;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatsMeterTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldMeasureTheRateOverTheLastSecond() {
        long t = 0;
        StatsMeter m = new StatsMeter(50, t);
        m.figures(t);
        // 3 s at 50 steps per second, then 1 s at 10: the figure follows the last second only.
        for (int i = 0; i < 150; i++) {
            t += 20 * MS;
            m.countStep();
            if (m.due(t)) {
                m.figures(t);
            }
        }
        assertEquals(50.0, m.figures(t)[StatsLayout.ACHIEVED_RATE], 1.0);
        for (int i = 0; i < 10; i++) {
            t += 100 * MS;
            m.countStep();
            if (m.due(t)) {
                m.figures(t);
            }
        }
        double[] f = m.figures(t);
        assertEquals(10.0, f[StatsLayout.ACHIEVED_RATE], 1.0);
        assertEquals(160, f[StatsLayout.LOOPS]);
        assertEquals(50.0, f[StatsLayout.REQUESTED_RATE]);
        assertTrue(f[StatsLayout.RSS_BYTES] > 0, "this process has resident memory");
        assertTrue(f[StatsLayout.CPU_SECONDS] >= 0);
    }

    @Test
    void shouldBeDueEveryQuarterSecond() {
        StatsMeter m = new StatsMeter(10, 0);
        assertTrue(m.due(0));
        m.figures(0);
        assertFalse(m.due(StatsMeter.PUBLISH_NANOS - 1));
        assertTrue(m.due(StatsMeter.PUBLISH_NANOS));
    }
}
