package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MathBlocksTest {
    private static final double EPS = 1e-9;

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
        "add, 2, 3, 5", "add, -1.5, 0.5, -1",
        "subtract, 2, 3, -1", "subtract, 10, 0.25, 9.75",
        "multiply, 4, -2.5, -10", "multiply, 0, 7, 0",
        "divide, 7, 2, 3.5", "divide, -9, 3, -3",
        "divide, 1, 0, Infinity", "divide, -1, 0, -Infinity", "divide, 0, 0, NaN",
        "min, 2, -3, -3", "min, 4, 4, 4",
        "max, 2, -3, 2", "max, -1, -0.5, -0.5"})
    void shouldComputeArithmeticOfAAndB(String type, double a, double b, double expected) {
        BlockHarness h = BlockHarness.of(type).input("a", a).input("b", b).start();
        assertEquals(expected, h.number(), EPS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"add", "subtract", "multiply", "divide", "min", "max"})
    void shouldWriteNothingUntilBothOperandsHaveValues(String type) {
        BlockHarness h = BlockHarness.of(type).input("a", 1.0).start();
        assertFalse(h.wrote());
        h.noInput("a").input("b", 1.0).step(0.1);
        assertFalse(h.wrote());
        h.input("a", 2.0).step(0.1);
        assertTrue(h.wrote());
    }

    @Test
    void shouldTreatBooleanOperandsAsOneAndZero() {
        assertEquals(1.0, BlockHarness.of("add").input("a", true).input("b", false).start().number());
    }

    @Test
    void shouldMultiplyByGainAndFollowLiveEdits() {
        BlockHarness h = BlockHarness.of("gain").param("k", 2.5).input("in", 4.0).start();
        assertEquals(10.0, h.number(), EPS);
        h.param("k", -1).step(0.1);
        assertEquals(-4.0, h.number(), EPS);
        assertEquals(3.0, BlockHarness.of("gain").input("in", 3.0).start().number(), "k defaults to 1");
        assertFalse(BlockHarness.of("gain").start().wrote());
    }

    @ParameterizedTest
    @CsvSource({"-3.5, 3.5", "2, 2", "0, 0"})
    void shouldTakeAbsoluteValue(double in, double expected) {
        assertEquals(expected, BlockHarness.of("abs").input("in", in).start().number());
    }

    @ParameterizedTest(name = "clamp({0}) to [{1}, {2}] = {3}")
    @CsvSource({"0.5, 0, 1, 0.5", "-2, 0, 1, 0", "7, 0, 1, 1", "7, -10, 10, 7", "5, 3, 2, 3"})
    void shouldClampBetweenLowAndHigh(double in, double low, double high, double expected) {
        BlockHarness h = BlockHarness.of("clamp").param("low", low).param("high", high).input("in", in).start();
        assertEquals(expected, h.number());
    }

    @Test
    void shouldClampToUnitRangeByDefault() {
        assertEquals(1.0, BlockHarness.of("clamp").input("in", 3.0).start().number());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "1, <, 2, true", "2, <, 2, false", "3, <, 2, false",
        "1, <=, 2, true", "2, <=, 2, true", "3, <=, 2, false",
        "1, >, 2, false", "2, >, 2, false", "3, >, 2, true",
        "1, >=, 2, false", "2, >=, 2, true", "3, >=, 2, true",
        "1, ==, 2, false", "2, ==, 2, true",
        "1, !=, 2, true", "2, !=, 2, false"})
    void shouldCompareWithEachOperator(double a, String op, double b, boolean expected) {
        BlockHarness h = BlockHarness.of("compare").param("op", op).input("a", a).input("b", b).start();
        assertEquals(expected, h.bool());
    }

    @Test
    void shouldRefuseUnknownCompareOperatorNamingTheValidOnes() {
        BlockHarness h = BlockHarness.of("compare").param("op", "=<").input("a", 1.0).input("b", 2.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
        assertTrue(e.getMessage().contains("'=<'") && e.getMessage().contains("<=, >"), e.getMessage());
    }

    @Test
    void shouldEvaluateExpressionOfInputs() {
        BlockHarness h = BlockHarness.of("expression").param("formula", "a*sin(b)+c")
                .input("a", 2.0).input("b", Math.PI / 2).input("c", 0.5).start();
        assertEquals(2.5, h.number(), EPS);
    }

    @Test
    void shouldNeedOnlyTheInputsTheFormulaUses() {
        BlockHarness h = BlockHarness.of("expression").param("formula", "2*a + d").input("a", 3.0).start();
        assertFalse(h.wrote(), "d has no value yet");
        h.input("d", 1.0).step(0.1);
        assertEquals(7.0, h.number(), EPS);
    }

    @Test
    void shouldRecompileExpressionWhenFormulaChangesLive() {
        BlockHarness h = BlockHarness.of("expression").param("formula", "a+1").input("a", 3.0).start();
        assertEquals(4.0, h.number());
        h.param("formula", "a^2").step(0.1);
        assertEquals(9.0, h.number());
    }

    @Test
    void shouldStopWithParserMessageWhenFormulaIsBadFromTheStart() {
        BlockHarness h = BlockHarness.of("expression").param("formula", "a*(b+)").input("a", 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, h::start);
        assertTrue(e.getMessage().contains("unexpected ')' at column 6"), e.getMessage());
    }

    @Test
    void shouldKeepPreviousFormulaAndLogWhenLiveEditIsBad() {
        BlockHarness h = BlockHarness.of("expression").param("formula", "a+1").input("a", 3.0).start();
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            h.param("formula", "a+").step(0.1);
            h.step(0.1);
        } finally {
            System.setErr(saved);
        }
        assertEquals(4.0, h.number());
        String text = log.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("unexpected end of formula at column 3") && text.contains("still using \"a+1\""), text);
        assertEquals(1, text.lines().count(), "reported once, not on every step");
    }

    @Test
    void shouldStartDerivativeAtZeroThenFollowSlope() {
        BlockHarness h = BlockHarness.of("derivative").input("in", 5.0).start();
        assertEquals(0.0, h.number());
        h.input("in", 6.0).step(0.5);
        assertEquals(2.0, h.number(), EPS);
        h.input("in", 6.0).step(0.1);
        assertEquals(0.0, h.number(), EPS);
        h.input("in", 5.0).step(0.25);
        assertEquals(-4.0, h.number(), EPS);
    }

    @Test
    void shouldHoldDerivativeWhenNoTimePassed() {
        BlockHarness h = BlockHarness.of("derivative").input("in", 0.0).start();
        h.input("in", 1.0).step(0.5);
        h.input("in", 9.0).step(0.0);
        assertEquals(2.0, h.number(), EPS);
    }

    @Test
    void shouldKeepDerivativeSteadyWhenInputIsWrittenSlowerThanItSteps() {
        BlockHarness h = BlockHarness.of("derivative").input("in", 0.0).start();
        double t = 0;
        for (int i = 1; i <= 30; i++) {
            t += 0.01;
            if (i % 3 == 0) {
                h.input("in", 2.0 * t); // a 2 units/s ramp written every third step
            }
            h.step(0.01);
            if (i >= 3) {
                assertEquals(2.0, h.number(), 1e-6, "step " + i);
            }
        }
    }

    @Test
    void shouldDropDerivativeToZeroWhenInputComesToRest() {
        BlockHarness h = BlockHarness.of("derivative").input("in", 0.0).start();
        h.input("in", 0.1).step(0.05).input("in", 0.2).step(0.05);
        assertEquals(2.0, h.number(), EPS);
        h.step(0.05);
        assertEquals(2.0, h.number(), EPS, "held across one missing value");
        h.step(0.05);
        assertEquals(0.0, h.number(), EPS, "no value for twice the interval: at rest");
    }

    @Test
    void shouldGoToZeroDerivativeWhenWriterRepeatsTheSameValue() {
        BlockHarness h = BlockHarness.of("derivative").input("in", 0.0).start();
        h.input("in", 1.0).step(0.1);
        h.input("in", 1.0).step(0.1);
        assertEquals(0.0, h.number(), EPS);
    }

    @Test
    void shouldIntegrateConstantOverElapsedTime() {
        BlockHarness h = BlockHarness.of("integrator").param("initial", 1.0).input("in", 2.0).start();
        assertEquals(1.0, h.number());
        h.steps(10, 0.05);
        assertEquals(2.0, h.number(), EPS);
        h.step(0.5);
        assertEquals(3.0, h.number(), EPS);
    }

    @Test
    void shouldIntegrateRampByTrapezoidExactly() {
        BlockHarness h = BlockHarness.of("integrator").input("in", 0.0).start();
        double t = 0;
        for (int i = 0; i < 100; i++) {
            t += 0.01;
            h.input("in", t).step(0.01);
        }
        assertEquals(0.5, h.number(), 1e-9, "integral of t from 0 to 1");
    }

    @Test
    void shouldNotIntegrateBeforeInputHasValue() {
        BlockHarness h = BlockHarness.of("integrator").start();
        assertFalse(h.wrote());
        h.step(5.0).input("in", 1.0).step(1.0);
        assertEquals(0.0, h.number(), "starts at initial on its first value");
        h.step(1.0);
        assertEquals(1.0, h.number(), EPS);
    }

    @Test
    void shouldAverageLastWindowSamples() {
        BlockHarness h = BlockHarness.of("moving-average").param("window", 3).input("in", 3.0).start();
        assertEquals(3.0, h.number());
        h.input("in", 6.0).step(0.1);
        assertEquals(4.5, h.number(), EPS);
        h.input("in", 9.0).step(0.1);
        assertEquals(6.0, h.number(), EPS);
        h.input("in", 12.0).step(0.1);
        assertEquals(9.0, h.number(), EPS, "3 dropped out of the window");
    }

    @Test
    void shouldDropOldestSamplesWhenWindowShrinksLive() {
        BlockHarness h = BlockHarness.of("moving-average").param("window", 4).input("in", 1.0).start();
        h.input("in", 2.0).step(0.1).input("in", 3.0).step(0.1);
        h.param("window", 1).input("in", 10.0).step(0.1);
        assertEquals(10.0, h.number(), EPS);
    }

    @Test
    void shouldKeepNewestSamplesWhenWindowGrowsLive() {
        BlockHarness h = BlockHarness.of("moving-average").param("window", 2).input("in", 1.0).start();
        h.input("in", 2.0).step(0.1).input("in", 3.0).step(0.1); // window holds 2, 3
        h.param("window", 4).input("in", 4.0).step(0.1);
        assertEquals(3.0, h.number(), EPS, "mean of 2, 3, 4");
    }

    @Test
    void shouldRecoverFromNaNOnceItLeavesTheWindow() {
        BlockHarness h = BlockHarness.of("moving-average").param("window", 2).input("in", Double.NaN).start();
        assertTrue(Double.isNaN(h.number()));
        h.input("in", 1.0).step(0.1);
        assertTrue(Double.isNaN(h.number()));
        h.input("in", 3.0).step(0.1);
        assertEquals(2.0, h.number(), EPS);
    }

    @Test
    void shouldStayExactOverManyStepsOfALongWindow() {
        BlockHarness h = BlockHarness.of("moving-average").param("window", 1000).input("in", 0.0).start();
        for (int i = 1; i < 20_000; i++) {
            h.input("in", i % 2 == 0 ? 1e9 + 0.1 : -1e9 + 0.3).step(0.001);
        }
        assertEquals(0.2, h.number(), 1e-6);
    }

    @ParameterizedTest(name = "window {0} -> {1}")
    @CsvSource({"0, 1", "-5, 1", "NaN, 1", "2.4, 2", "2.6, 3", "10, 10", "1e12, 1000000"})
    void shouldTreatWindowAsIntegerOfAtLeastOne(double requested, int expected) {
        assertEquals(expected, MathBlocks.MovingAverage.window(requested));
    }

    @Test
    void shouldUseLowPassAlphaFromDtAndCutoff() {
        double tauC = 1.0 / (2 * Math.PI * 2.0);
        assertEquals(0.01 / (0.01 + tauC), MathBlocks.LowPass.alpha(0.01, 2.0), EPS);
        assertEquals(0.0, MathBlocks.LowPass.alpha(0.0, 2.0));
        assertEquals(0.0, MathBlocks.LowPass.alpha(0.01, 0.0));
    }

    @Test
    void shouldMakeLowPassStepResponseApproachInput() {
        BlockHarness h = BlockHarness.of("low-pass").param("cutoff", 1.0).input("in", 0.0).start();
        assertEquals(0.0, h.number());
        h.input("in", 1.0).step(0.01);
        double first = h.number();
        assertTrue(first > 0.05 && first < 0.06, "one step of alpha ~ 0.059: " + first);
        double previous = first;
        for (int i = 0; i < 100; i++) {
            h.step(0.01);
            assertTrue(h.number() > previous && h.number() < 1.0, "rises monotonically without overshoot");
            previous = h.number();
        }
        double alpha = MathBlocks.LowPass.alpha(0.01, 1.0);
        assertEquals(1.0 - Math.pow(1.0 - alpha, 101), h.number(), EPS, "discrete first-order response");
        // After 1.01 s at fc = 1 Hz (time constant 0.159 s) a first-order filter is within 0.3 % of its input.
        assertEquals(1.0, h.number(), 0.003);
    }

    @Test
    void shouldStartLowPassAtFirstInput() {
        assertEquals(4.0, BlockHarness.of("low-pass").input("in", 4.0).start().number());
    }
}
