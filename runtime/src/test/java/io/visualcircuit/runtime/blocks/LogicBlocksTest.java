package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LogicBlocksTest {

    @ParameterizedTest(name = "{0}({1}, {2}) = {3}")
    @CsvSource({
        "and, false, false, false", "and, false, true, false", "and, true, false, false", "and, true, true, true",
        "or, false, false, false", "or, false, true, true", "or, true, false, true", "or, true, true, true",
        "xor, false, false, false", "xor, false, true, true", "xor, true, false, true", "xor, true, true, false"})
    void shouldFollowTruthTable(String type, boolean a, boolean b, boolean expected) {
        assertEquals(expected, BlockHarness.of(type).input("a", a).input("b", b).start().bool());
    }

    @ParameterizedTest
    @ValueSource(strings = {"and", "or", "xor"})
    void shouldWriteNothingUntilBothGateInputsHaveValues(String type) {
        assertFalse(BlockHarness.of(type).input("a", true).start().wrote());
    }

    @Test
    void shouldTreatNonZeroNumbersAsTrue() {
        assertTrue(BlockHarness.of("and").input("a", 2.5).input("b", -1.0).start().bool());
        assertFalse(BlockHarness.of("or").input("a", 0.0).input("b", 0.0).start().bool());
    }

    @Test
    void shouldNegateInput() {
        assertFalse(BlockHarness.of("not").input("in", true).start().bool());
        assertTrue(BlockHarness.of("not").input("in", false).start().bool());
        assertFalse(BlockHarness.of("not").start().wrote());
    }

    @Test
    void shouldPulseForExactlyOneStepOnRisingEdge() {
        boolean[] in = {false, false, true, true, true, false, true, false};
        boolean[] expected = {false, false, true, false, false, false, true, false};
        BlockHarness h = BlockHarness.of("rising-edge");
        boolean[] got = new boolean[in.length];
        for (int i = 0; i < in.length; i++) {
            h.input("in", in[i]);
            if (i == 0) {
                h.start();
            } else {
                h.step(0.1);
            }
            got[i] = h.bool();
        }
        assertArrayEquals(expected, got);
    }

    @Test
    void shouldNotSeeAnEdgeInAnInputThatStartsTrue() {
        BlockHarness h = BlockHarness.of("rising-edge").input("in", true).start();
        assertFalse(h.bool());
        assertFalse(h.step(0.1).bool());
    }

    @Test
    void shouldFlipToggleOnEachRisingEdgeOnly() {
        boolean[] in = {false, true, true, false, false, true, false, true, true};
        boolean[] expected = {false, true, true, true, true, false, false, true, true};
        BlockHarness h = BlockHarness.of("toggle");
        for (int i = 0; i < in.length; i++) {
            h.input("in", in[i]);
            if (i == 0) {
                h.start();
            } else {
                h.step(0.1);
            }
            assertEquals(expected[i], h.bool(), "step " + i);
        }
    }

    @Test
    void shouldOutputFalseToggleStateBeforeAnyInput() {
        BlockHarness h = BlockHarness.of("toggle").start();
        assertFalse(h.bool());
        h.input("in", false).step(0.1).input("in", true).step(0.1);
        assertTrue(h.bool());
        h.noInput("in").step(0.1);
        assertTrue(h.bool(), "keeps its state when the input goes away");
    }

    @Test
    void shouldOutputEachValueSecondsLater() {
        BlockHarness h = BlockHarness.of("delay").param("seconds", 0.5);
        List<Object> outs = new ArrayList<>();
        for (int i = 0; i <= 20; i++) {
            h.input("in", (double) i);
            if (i == 0) {
                h.start();
            } else {
                h.step(0.1);
            }
            outs.add(h.out());
        }
        // At t = 0.1 * i the output is the value fed at t - 0.5, i.e. i - 5.
        for (int i = 0; i < 5; i++) {
            assertEquals(null, outs.get(i), "nothing is old enough at step " + i);
        }
        for (int i = 5; i <= 20; i++) {
            assertEquals((double) (i - 5), (Double) outs.get(i), 0.0, "step " + i);
        }
    }

    @Test
    void shouldDelayAnyTypeOfValue() {
        ImageFrame frame = new ImageFrame(1, 1, 1, new byte[] {7});
        BlockHarness h = BlockHarness.of("delay").param("seconds", 1).input("in", "hello").start();
        h.input("in", frame).step(1.0);
        assertEquals("hello", h.out());
        frame.pixels()[0] = 9; // as the block process does when the next frame of this size arrives
        h.step(1.0);
        ImageFrame delayed = (ImageFrame) h.out();
        assertArrayEquals(new byte[] {7}, delayed.pixels(), "the delayed frame keeps the pixels it arrived with");
        assertEquals(1, delayed.channels());
    }

    @Test
    void shouldPassInputStraightThroughWithZeroDelay() {
        BlockHarness h = BlockHarness.of("delay").param("seconds", 0).input("in", true).start();
        assertEquals(true, h.out());
        h.input("in", false).step(0.1);
        assertEquals(false, h.out());
    }

    @Test
    void shouldBoundDelayMemoryByDroppingOldestValues() {
        BlockHarness h = BlockHarness.of("delay").param("seconds", 1e9);
        PrintStream saved = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            h.input("in", 0.0).start();
            for (int i = 1; i <= LogicBlocks.Delay.MAX_ENTRIES + 10; i++) {
                h.input("in", (double) i).step(0.001);
            }
        } finally {
            System.setErr(saved);
        }
        LogicBlocks.Delay delay = (LogicBlocks.Delay) h.block;
        assertEquals(LogicBlocks.Delay.MAX_ENTRIES, delay.waiting());
        assertEquals(1, log.toString(StandardCharsets.UTF_8).lines().count(), "warned once");
    }

    @Test
    void shouldBoundDelayedImageBytes() {
        BlockHarness h = BlockHarness.of("delay").param("seconds", 1e9);
        PrintStream saved = System.err;
        System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            h.input("in", new ImageFrame(512, 512, 3, new byte[512 * 512 * 3])).start();
            for (int i = 0; i < 100; i++) {
                h.input("in", new ImageFrame(512, 512, 3, new byte[512 * 512 * 3])).step(0.01);
            }
        } finally {
            System.setErr(saved);
        }
        LogicBlocks.Delay delay = (LogicBlocks.Delay) h.block;
        assertTrue(delay.waitingBytes() <= LogicBlocks.Delay.MAX_BYTES, "bytes " + delay.waitingBytes());
        assertTrue(delay.waiting() < 100);
    }
}
