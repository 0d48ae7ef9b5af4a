package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControlBlocksTest {
    private static final double EPS = 1e-9;

    private static BlockHarness pid(double kp, double ki, double kd) {
        return BlockHarness.of("pid").param("kp", kp).param("ki", ki).param("kd", kd);
    }

    @Test
    void shouldOutputProportionalTerm() {
        BlockHarness h = pid(2.0, 0, 0).input("setpoint", 5.0).input("measurement", 3.0).start();
        assertEquals(4.0, h.number(), EPS);
        h.input("measurement", 6.0).step(0.1);
        assertEquals(-2.0, h.number(), EPS);
    }

    @Test
    void shouldUseUnitProportionalGainByDefault() {
        BlockHarness h = BlockHarness.of("pid").input("setpoint", 1.5).input("measurement", 0.0).start();
        assertEquals(1.5, h.number(), EPS);
    }

    @Test
    void shouldAccumulateIntegralTermOverTime() {
        BlockHarness h = pid(0, 0.5, 0).input("setpoint", 2.0).input("measurement", 0.0).start();
        assertEquals(0.0, h.number(), EPS);
        h.steps(10, 0.1);
        assertEquals(0.5 * 2.0 * 1.0, h.number(), EPS);
        h.input("measurement", 4.0).step(0.5);
        assertEquals(1.0 - 0.5 * 2.0 * 0.5, h.number(), EPS);
    }

    @Test
    void shouldOutputDerivativeOfErrorAndZeroOnFirstStep() {
        BlockHarness h = pid(0, 0, 0.2).input("setpoint", 1.0).input("measurement", 0.0).start();
        assertEquals(0.0, h.number(), EPS);
        h.input("measurement", 0.5).step(0.1); // error 1 -> 0.5 in 0.1 s
        assertEquals(0.2 * -5.0, h.number(), EPS);
        h.input("measurement", 0.5).step(0.1);
        assertEquals(0.0, h.number(), EPS, "the error stopped changing");
    }

    @Test
    void shouldSumAllThreeTerms() {
        BlockHarness h = pid(1, 2, 0.5).input("setpoint", 1.0).input("measurement", 0.0).start();
        h.input("measurement", 0.2).step(0.1); // e = 0.8, de/dt = -2
        assertEquals(0.8 + 2 * 0.8 * 0.1 + 0.5 * -2.0, h.number(), EPS);
    }

    @Test
    void shouldBeUnlimitedWhenMinAndMaxAreNotGiven() {
        BlockHarness h = pid(1000, 0, 0).input("setpoint", 1000.0).input("measurement", 0.0).start();
        assertEquals(1e6, h.number(), EPS);
        h = pid(1, 0, 0).param("min", "").input("setpoint", -1e6).input("measurement", 0.0).start();
        assertEquals(-1e6, h.number(), EPS, "an empty limit means unlimited");
    }

    @Test
    void shouldClampOutputToMinAndMax() {
        BlockHarness h = pid(10, 0, 0).param("min", -1).param("max", 2).input("setpoint", 1.0).input("measurement", 0.0).start();
        assertEquals(2.0, h.number(), EPS);
        h.input("measurement", 3.0).step(0.1);
        assertEquals(-1.0, h.number(), EPS);
    }

    @Test
    void shouldStopIntegralWindupAtTheLimit() {
        BlockHarness h = pid(0, 1, 0).param("max", 1.0).input("setpoint", 10.0).input("measurement", 0.0).start();
        h.steps(100, 0.1); // without anti-windup the integral would reach 100
        assertEquals(1.0, h.number(), EPS, "output reaches the limit");
        assertEquals(1.0, ((ControlBlocks.Pid) h.block).integral(), EPS);
        h.input("measurement", 11.0).step(0.1); // the error reverses: -1
        assertEquals(0.9, h.number(), EPS, "leaves the limit on the very next step");
    }

    @Test
    void shouldLetIntegralGrowOnlyToReachTheLimitWhenProportionalTermHelps() {
        BlockHarness h = pid(0.5, 1, 0).param("max", 1.0).input("setpoint", 1.0).input("measurement", 0.0).start();
        h.steps(100, 0.1);
        assertEquals(1.0, h.number(), EPS);
        assertEquals(0.5, ((ControlBlocks.Pid) h.block).integral(), EPS, "integral = max - P");
    }

    @Test
    void shouldStopIntegralWindupAtTheLowerLimit() {
        BlockHarness h = pid(0, 1, 0).param("min", -0.5).input("setpoint", -10.0).input("measurement", 0.0).start();
        h.steps(100, 0.1);
        assertEquals(-0.5, h.number(), EPS);
        h.input("measurement", -11.0).step(0.1);
        assertEquals(-0.4, h.number(), EPS);
    }

    @Test
    void shouldWaitForBothPidInputs() {
        assertFalse(BlockHarness.of("pid").input("setpoint", 1.0).start().wrote());
        assertFalse(BlockHarness.of("pid").input("measurement", 1.0).start().wrote());
    }

    @Test
    void shouldMatchAnalyticFirstOrderStepResponse() {
        double gain = 2.0;
        double tau = 0.5;
        BlockHarness h = BlockHarness.of("plant").param("gain", gain).param("tau", tau).input("in", 1.0).start();
        assertEquals(0.0, h.number());
        double t = 0;
        double[] dts = {0.01, 0.033, 0.02, 0.1, 0.005};
        for (int i = 0; i < 100; i++) {
            double dt = dts[i % dts.length];
            t += dt;
            h.step(dt);
            assertEquals(gain * (1 - Math.exp(-t / tau)), h.number(), 1e-9, "t=" + t);
        }
    }

    @Test
    void shouldHoldPlantInputFromThePreviousStep() {
        BlockHarness h = BlockHarness.of("plant").param("tau", 1.0).input("in", 0.0).start();
        h.input("in", 1.0).step(1.0);
        assertEquals(0.0, h.number(), EPS, "the input changed at this step, so the plant has not seen it yet");
        h.step(1.0);
        assertEquals(1 - Math.exp(-1.0), h.number(), EPS);
    }

    @Test
    void shouldTreatMissingPlantInputAsZeroAndDecay() {
        BlockHarness h = BlockHarness.of("plant").param("tau", 1.0).input("in", 1.0).start().step(2.0);
        double y = h.number();
        h.noInput("in").step(0.0).step(1.0);
        assertEquals(y * Math.exp(-1.0), h.number(), EPS);
        assertTrue(BlockHarness.of("plant").start().wrote(), "writes 0 before any input so loops can start");
    }

    @Test
    void shouldFollowGainTimesInputAtOnceWhenTauIsZero() {
        BlockHarness h = BlockHarness.of("plant").param("tau", 0).param("gain", 3.0).input("in", 2.0).start().step(0.01);
        assertEquals(6.0, h.number(), EPS);
    }

    @Test
    void shouldSettlePidAroundPlantWithinTwoPercent() {
        BlockHarness pid = pid(2.0, 1.5, 0).param("min", -10).param("max", 10).input("setpoint", 1.0);
        BlockHarness plant = BlockHarness.of("plant").param("gain", 1.0).param("tau", 0.5);
        plant.start();
        pid.input("measurement", plant.number()).start();
        for (int i = 0; i < 30 * 10; i++) {
            plant.input("in", pid.number()).step(1.0 / 30);
            pid.input("measurement", plant.number()).step(1.0 / 30);
        }
        assertEquals(1.0, plant.number(), 0.02);
    }
}
