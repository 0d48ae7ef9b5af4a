package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.visualcircuit.ipc.BackoffIdleStrategy.Phase;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The backoff's phases, checked through its counters rather than through timing. */
class BackoffIdleStrategyTest {

    @Test
    void shouldSpinThenYieldThenParkWithDoublingTimesCappedAtTheMaximum() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(2, 3, 1_000, 5_000);
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long parkBefore = idle.nextParkNanos();
            idle.idle();
            trace.add(idle.phase() + " s" + idle.spins() + " y" + idle.yields() + " p" + idle.parks()
                    + (idle.phase() == Phase.PARKING ? " slept" + parkBefore : ""));
        }
        assertEquals(List.of(
                "SPINNING s1 y0 p0",
                "SPINNING s2 y0 p0",
                "YIELDING s2 y1 p0",
                "YIELDING s2 y2 p0",
                "YIELDING s2 y3 p0",
                "PARKING s2 y3 p1 slept1000",
                "PARKING s2 y3 p2 slept2000",
                "PARKING s2 y3 p3 slept4000",
                "PARKING s2 y3 p4 slept5000",
                "PARKING s2 y3 p5 slept5000"), trace);
    }

    @Test
    void shouldStartOverFromSpinningAfterAReset() {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(1, 1, 10, 40);
        for (int i = 0; i < 5; i++) {
            idle.idle();
        }
        assertEquals(Phase.PARKING, idle.phase());
        idle.reset();
        assertEquals(Phase.SPINNING, idle.phase());
        assertEquals(0, idle.spins());
        assertEquals(0, idle.yields());
        assertEquals(0, idle.parks());
        assertEquals(10, idle.nextParkNanos());
    }

    @ParameterizedTest(name = "{0} spins, {1} yields -> first idle is {2}")
    @CsvSource({
        "0, 0, PARKING",
        "0, 4, YIELDING",
        "3, 0, SPINNING",
    })
    void shouldSkipPhasesConfiguredWithAZeroCount(int spins, int yields, Phase firstPhase) {
        BackoffIdleStrategy idle = new BackoffIdleStrategy(spins, yields, 1, 1);
        idle.idle();
        assertEquals(firstPhase, idle.phase());
        assertEquals(firstPhase == Phase.PARKING ? 1 : 0, idle.parks());
    }

    @ParameterizedTest(name = "doubling {0} capped at {1} gives {2}")
    @CsvSource({
        "1, 8, 2",
        "4, 8, 8",
        "5, 8, 8",
        "8, 8, 8",
        "4611686018427387904, 9223372036854775807, 9223372036854775807",
        "9223372036854775807, 9223372036854775807, 9223372036854775807",
    })
    void shouldDoubleTheParkTimeWithoutOverflowing(long park, long max, long expected) {
        assertEquals(expected, BackoffIdleStrategy.doubled(park, max));
    }

    @Test
    void shouldRejectNegativeCountsAndParkTimesOutOfOrder() {
        assertThrows(IllegalArgumentException.class, () -> new BackoffIdleStrategy(0, 0, 10, 5));
        assertThrows(IllegalArgumentException.class, () -> new BackoffIdleStrategy(-1, 0, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BackoffIdleStrategy(0, -1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new BackoffIdleStrategy(0, 0, 0, 1));
    }

    @Test
    void shouldShareOneStatelessBusySpin() {
        assertSame(IdleStrategy.busySpin(), IdleStrategy.busySpin());
    }
}
