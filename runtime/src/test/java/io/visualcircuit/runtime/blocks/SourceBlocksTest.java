package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SourceBlocksTest {
    private static final double EPS = 1e-9;

    @ParameterizedTest(name = "t={0}s -> {1}")
    @CsvSource({"0.0, 0.5", "0.125, 2.0", "0.25, 0.5", "0.375, -1.0", "0.5, 0.5"})
    void shouldFollowOffsetPlusAmplitudeSineAtTwoHertz(double t, double expected) {
        BlockHarness h = BlockHarness.of("sine").param("frequency", 2.0).param("amplitude", 1.5)
                .param("offset", 0.5).start();
        h.steps((int) Math.round(t / 0.005), 0.005);
        assertEquals(expected, h.number(), 1e-9);
    }

    @Test
    void shouldShiftSineByPhaseInDegrees() {
        BlockHarness h = BlockHarness.of("sine").param("phase", 90).start();
        assertEquals(1.0, h.number(), EPS);
        h.step(0.25);
        assertEquals(0.0, h.number(), EPS);
    }

    @Test
    void shouldUseUnitSineWhenParametersAreMissing() {
        BlockHarness h = BlockHarness.of("sine").start().step(0.25);
        assertEquals(1.0, h.number(), EPS);
    }

    @Test
    void shouldKeepSineContinuousWhenFrequencyChangesLive() {
        BlockHarness h = BlockHarness.of("sine").param("frequency", 1.0).start().step(0.1);
        double before = h.number();
        h.param("frequency", 5.0).step(0.001);
        assertEquals(before, h.number(), 0.05, "a live edit changes the pitch, not the current value");
    }

    @Test
    void shouldOutputSquareHighForDutyFractionOfPeriod() {
        BlockHarness h = BlockHarness.of("square").param("frequency", 1.0).param("amplitude", 2.0)
                .param("duty", 0.25).start();
        assertEquals(2.0, h.number());
        h.step(0.2);
        assertEquals(2.0, h.number());
        h.step(0.1); // t = 0.3
        assertEquals(-2.0, h.number());
        h.step(0.6); // t = 0.9
        assertEquals(-2.0, h.number());
        h.step(0.2); // t = 1.1, next period
        assertEquals(2.0, h.number());
    }

    @Test
    void shouldSpendHalfTheTimeHighWithDefaultDuty() {
        BlockHarness h = BlockHarness.of("square").param("frequency", 2.0).start();
        int high = 0;
        for (int i = 0; i < 1000; i++) {
            h.step(0.001);
            if (h.number() > 0) {
                high++;
            }
        }
        assertEquals(500, high, 2);
    }

    @Test
    void shouldRampFromStartAtSlope() {
        BlockHarness h = BlockHarness.of("ramp").param("slope", 3.0).param("start", -1.0).start();
        assertEquals(-1.0, h.number(), EPS);
        h.steps(10, 0.1);
        assertEquals(2.0, h.number(), EPS);
    }

    @Test
    void shouldBendRampWhenSlopeChangesLive() {
        BlockHarness h = BlockHarness.of("ramp").param("slope", 1.0).start().step(1.0);
        h.param("slope", -2.0).step(0.5);
        assertEquals(0.0, h.number(), EPS);
    }

    @Test
    void shouldSwitchStepFromBeforeToAfterAtItsTime() {
        BlockHarness h = BlockHarness.of("step").param("time", 0.5).param("before", 3.0).param("after", 7.0).start();
        assertEquals(3.0, h.number());
        h.step(0.4);
        assertEquals(3.0, h.number());
        h.step(0.1);
        assertEquals(7.0, h.number());
        h.step(10);
        assertEquals(7.0, h.number());
    }

    @Test
    void shouldStepFromZeroToOneAfterOneSecondByDefault() {
        BlockHarness h = BlockHarness.of("step").start();
        assertEquals(0.0, h.number());
        h.step(0.99);
        assertEquals(0.0, h.number());
        h.step(0.02);
        assertEquals(1.0, h.number());
    }

    @Test
    void shouldRepeatNoiseForTheSameSeedAndStayWithinAmplitude() {
        List<Double> first = noise(42, 0.5, 500);
        List<Double> second = noise(42, 0.5, 500);
        assertEquals(first, second);
        assertTrue(first.stream().allMatch(v -> v >= -0.5 && v <= 0.5));
        assertTrue(first.stream().anyMatch(v -> v < -0.4) && first.stream().anyMatch(v -> v > 0.4),
                "values spread over the whole range");
        assertTrue(new HashSet<>(first).size() > 450, "values vary");
        assertNotEquals(first, noise(43, 0.5, 500));
    }

    @Test
    void shouldRestartNoiseWhenSeedChangesLive() {
        BlockHarness h = BlockHarness.of("noise").param("seed", 7).start();
        double firstOfSeven = h.number();
        h.step(0.1);
        h.param("seed", 7.0).step(0.1);
        assertNotEquals(firstOfSeven, h.number(), "same seed, sequence continues");
        h.param("seed", 8).step(0.1);
        h.param("seed", 7).step(0.1);
        assertEquals(firstOfSeven, h.number(), "a changed seed restarts its sequence");
    }

    private static List<Double> noise(long seed, double amplitude, int n) {
        BlockHarness h = BlockHarness.of("noise").param("seed", seed).param("amplitude", amplitude).start();
        List<Double> out = new ArrayList<>();
        out.add(h.number());
        for (int i = 1; i < n; i++) {
            out.add(h.step(0.01).number());
        }
        return out;
    }

    @Test
    void shouldCountFromStartByStepOnEveryStep() {
        BlockHarness h = BlockHarness.of("counter").param("start", 10).param("step", 2.5).start();
        assertEquals(10.0, h.number());
        h.step(0.1);
        assertEquals(12.5, h.number());
        h.step(5.0);
        assertEquals(15.0, h.number(), "counts steps, not time");
        h.param("step", -1).step(0.1);
        assertEquals(14.0, h.number());
    }

    @Test
    void shouldCountZeroOneTwoByDefault() {
        BlockHarness h = BlockHarness.of("counter").start();
        assertEquals(0.0, h.number());
        assertEquals(1.0, h.step(0.1).number());
        assertEquals(2.0, h.step(0.1).number());
    }

    @ParameterizedTest(name = "t={0}s -> {1}")
    @CsvSource({"0.0, true", "0.3, true", "0.45, true", "0.55, false", "0.95, false", "1.05, true", "1.55, false"})
    void shouldBeTrueForFirstHalfOfEachClockPeriod(double t, boolean expected) {
        BlockHarness h = BlockHarness.of("clock").param("period", 1.0).start();
        h.steps((int) Math.round(t / 0.05), 0.05);
        assertEquals(expected, h.bool());
    }

    @Test
    void shouldStopClockWhenPeriodIsNotPositive() {
        BlockHarness h = BlockHarness.of("clock").param("period", 0).start();
        for (int i = 0; i < 10; i++) {
            assertTrue(h.step(0.3).bool());
        }
    }

    @Test
    void shouldOutputTextValueAndFollowLiveEdits() {
        BlockHarness h = BlockHarness.of("text").param("value", "hello").start();
        assertEquals("hello", h.out());
        h.param("value", "bye").step(0.1);
        assertEquals("bye", h.out());
    }

    @Test
    void shouldOutputEmptyTextWhenValueIsNotGiven() {
        assertEquals("", BlockHarness.of("text").start().out());
    }
}
