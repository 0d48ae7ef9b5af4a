package io.visualcircuit.app.live;

import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.BlockState;
import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.WireInfo;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveSamplerTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final Map<String, FakeWire> wires = new HashMap<>();

    private LiveSampler sampler(WireInfo... infos) {
        return sampler(BlockSource.none(), infos);
    }

    private LiveSampler sampler(BlockSource blocks, WireInfo... infos) {
        for (WireInfo i : infos) {
            wires.put(i.wire(), new FakeWire());
        }
        return new LiveSampler(List.of(infos), i -> wires.get(i.wire()), blocks, 30, clock::get, 2);
    }

    private static WireInfo wire(String key, PortType type) {
        return new WireInfo(key, "seg-" + key, type);
    }

    private void advanceMillis(long ms) {
        clock.addAndGet(ms * 1_000_000L);
    }

    @Test
    void shouldPublishTheLatestValueAndSequence() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        wires.get("a.out").write(new LiveValue.Number(1));
        wires.get("a.out").write(new LiveValue.Number(2.5));
        LiveFrame f = s.sampleOnce();
        assertEquals(new LiveValue.Number(2.5), f.wire("a.out").value());
        assertEquals(2, f.wire("a.out").sequence());
        assertSame(f, s.latest());
    }

    @Test
    void shouldMeasureTheWriteRateFromSequenceDeltasNotFromTheSampleRate() {
        LiveSampler s = sampler(wire("fast.out", PortType.NUMBER));
        FakeWire w = wires.get("fast.out");
        s.sampleOnce();
        // 500 writes per second, sampled 30 times a second for 2 s.
        for (int tick = 0; tick < 60; tick++) {
            advanceMillis(1000 / 30);
            w.writeMany(17, tick);
            s.sampleOnce();
        }
        double rate = s.latest().wire("fast.out").ratePerSecond();
        assertTrue(rate > 480 && rate < 540, "rate was " + rate);
    }

    @Test
    void shouldMarkAWireStaleAfterOneSecondWithoutNewValues() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        wires.get("a.out").write(new LiveValue.Number(1));
        assertFalse(s.sampleOnce().wire("a.out").stale());
        advanceMillis(900);
        assertFalse(s.sampleOnce().wire("a.out").stale());
        advanceMillis(200);
        assertTrue(s.sampleOnce().wire("a.out").stale());
        wires.get("a.out").write(new LiveValue.Number(2));
        assertFalse(s.sampleOnce().wire("a.out").stale());
    }

    @Test
    void shouldTreatANeverWrittenWireAsStaleWithoutValue() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        WireLive w = s.sampleOnce().wire("a.out");
        assertNull(w.value());
        assertEquals(0, w.sequence());
        assertTrue(w.stale());
    }

    @Test
    void shouldTrackMinMaxAndMeanOfNumbers() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        for (double v : new double[] {3, -1, 4}) {
            wires.get("a.out").write(new LiveValue.Number(v));
            advanceMillis(33);
            s.sampleOnce();
        }
        WireLive w = s.latest().wire("a.out");
        assertEquals(-1, w.min());
        assertEquals(4, w.max());
        assertEquals(2, w.mean(), 1e-12);
    }

    @Test
    void shouldKeepAShortHistoryForUnwatchedWiresAndALongOneForWatchedWires() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER), wire("b.out", PortType.NUMBER));
        s.watch("b.out", 10);
        for (int i = 0; i < 400; i++) {
            wires.get("a.out").write(new LiveValue.Number(i));
            wires.get("b.out").write(new LiveValue.Number(i));
            advanceMillis(33);
            s.sampleOnce();
        }
        History a = s.latest().wire("a.out").history();
        History b = s.latest().wire("b.out").history();
        assertEquals(LiveSampler.SHORT_HISTORY, a.size());
        assertEquals(399, a.values()[a.size() - 1]);
        assertEquals(399 - LiveSampler.SHORT_HISTORY + 1, a.values()[0]);
        assertEquals(362, b.size()); // 10 s at 30 Hz with 20 % slack
        assertTrue(b.times()[b.size() - 1] - b.times()[0] >= 10, "history spans the watched 10 s");
    }

    @Test
    void shouldReuseTheSnapshotOfAWireThatDidNotChange() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        wires.get("a.out").write(new LiveValue.Number(1));
        WireLive first = s.sampleOnce().wire("a.out");
        advanceMillis(10);
        assertSame(first, s.sampleOnce().wire("a.out"));
    }

    @Test
    void shouldPublishNoNewFrameWhileNothingChanges() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER), wire("b.out", PortType.NUMBER));
        wires.get("a.out").write(new LiveValue.Number(1));
        wires.get("b.out").write(new LiveValue.Number(2));
        LiveFrame first = s.sampleOnce();
        for (int tick = 0; tick < 20; tick++) {
            advanceMillis(33);
            assertSame(first, s.sampleOnce(), "tick " + tick + ": unchanged wires, same frame");
        }
        assertSame(first, s.latest());
        wires.get("b.out").write(new LiveValue.Number(3));
        advanceMillis(33);
        LiveFrame next = s.sampleOnce();
        assertEquals(first.number() + 1, next.number());
        assertEquals(new LiveValue.Number(3), next.wire("b.out").value());
        assertSame(first.wire("a.out"), next.wire("a.out"), "the unchanged wire keeps its snapshot");
    }

    @Test
    void shouldPublishAFrameWhenAnIdleWireTurnsStale() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        wires.get("a.out").write(new LiveValue.Number(1));
        LiveFrame fresh = s.sampleOnce();
        assertFalse(fresh.wire("a.out").stale());
        advanceMillis(900);
        assertSame(fresh, s.sampleOnce());
        advanceMillis(200);
        LiveFrame dimmed = s.sampleOnce();
        assertEquals(fresh.number() + 1, dimmed.number());
        assertTrue(dimmed.wire("a.out").stale());
        advanceMillis(2000);
        LiveFrame later = s.sampleOnce();
        // The rate window closing may publish once more (the rate drops to 0); then all is quiet.
        advanceMillis(1000);
        assertSame(later, s.sampleOnce());
        advanceMillis(33);
        assertSame(later, s.sampleOnce());
    }

    @Test
    void shouldKeepAWatchedWiresChartScrollingUntilItsPointsLeaveTheWindow() {
        LiveSampler s = sampler(wire("a.out", PortType.NUMBER));
        s.watch("a.out", 2);
        wires.get("a.out").write(new LiveValue.Number(1));
        LiveFrame f = s.sampleOnce();
        for (int tick = 0; tick < 10; tick++) {
            advanceMillis(150);
            LiveFrame g = s.sampleOnce();
            assertEquals(f.number() + 1, g.number(), "the chart's time axis moves: tick " + tick);
            assertTrue(g.timeSeconds() > f.timeSeconds());
            f = g;
        }
        advanceMillis(1000); // the only point is now 2.5 s old, outside the 2 s window
        f = s.sampleOnce();
        advanceMillis(150);
        assertSame(f, s.sampleOnce());
    }

    @Test
    void shouldPublishForAChangedBlockStateButNotForFiguresTheCanvasDoesNotShow() {
        AtomicLong loops = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<BlockState> state =
                new java.util.concurrent.atomic.AtomicReference<>(BlockState.RUNNING);
        BlockSource blocks = new BlockSource() {
            @Override
            public Map<String, BlockStatus> states() {
                return Map.of("wave", new BlockStatus("wave", state.get(), null, null, null, 42));
            }

            @Override
            public Optional<BlockStats> stats(String blockId) {
                return Optional.of(new BlockStats(50, 50, loops.get(), 0.5, 30L << 20));
            }
        };
        LiveSampler s = sampler(blocks);
        LiveFrame f = s.sampleOnce();
        loops.set(500);
        advanceMillis(300);
        assertSame(f, s.sampleOnce(), "only the loop count moved");
        state.set(BlockState.CRASHED);
        advanceMillis(300);
        LiveFrame crashed = s.sampleOnce();
        assertEquals(f.number() + 1, crashed.number());
        assertEquals(BlockState.CRASHED, crashed.block("wave").status().state());
        assertEquals(500, crashed.block("wave").stats().loops(), "a published frame carries the newest figures");
    }

    @Test
    void shouldMakeThumbnailsOnlyForRequestedImageWiresAndOnlyAFewPerTick() {
        LiveSampler s = sampler(wire("i1.out", PortType.IMAGE), wire("i2.out", PortType.IMAGE),
                wire("i3.out", PortType.IMAGE), wire("i4.out", PortType.IMAGE));
        byte[] px = new byte[320 * 240 * 3];
        for (FakeWire w : wires.values()) {
            w.write(new LiveValue.Image(240, 320, 3, px));
        }
        s.requestThumbnails("canvas", Set.of("i1.out", "i2.out", "i3.out"));
        LiveFrame f = s.sampleOnce();
        long made = f.wires().values().stream().filter(w -> w.thumbnail() != null).count();
        assertEquals(2, made, "at most two conversions per tick in this test");
        f = s.sampleOnce();
        assertNotNull(f.wire("i1.out").thumbnail());
        assertNotNull(f.wire("i2.out").thumbnail());
        assertNotNull(f.wire("i3.out").thumbnail());
        assertNull(f.wire("i4.out").thumbnail(), "not requested, never converted");
        assertEquals(96, f.wire("i1.out").thumbnail().width());
        assertEquals(72, f.wire("i1.out").thumbnail().height());
    }

    @Test
    void shouldReportAWireThatCannotBeOpenedAndRetryLater() {
        WireInfo info = wire("a.out", PortType.NUMBER);
        FakeWire w = new FakeWire();
        AtomicLong attempts = new AtomicLong();
        LiveSampler s = new LiveSampler(List.of(info), i -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("segment vc-1-x-0 does not exist");
            }
            return w;
        }, BlockSource.none(), 30, clock::get, 2);
        assertEquals("segment vc-1-x-0 does not exist", s.sampleOnce().wire("a.out").error());
        w.write(new LiveValue.Number(7));
        advanceMillis(600);
        WireLive live = s.sampleOnce().wire("a.out");
        assertNull(live.error());
        assertEquals(new LiveValue.Number(7), live.value());
    }

    @Test
    void shouldShowAReadErrorOnTheWireAndKeepSamplingTheOthers() {
        LiveSampler s = sampler(wire("bad.out", PortType.NUMBER), wire("good.out", PortType.NUMBER));
        wires.get("bad.out").failure = new IllegalStateException("segment header is corrupt");
        wires.get("good.out").write(new LiveValue.Number(5));
        LiveFrame f = s.sampleOnce();
        assertEquals("segment header is corrupt", f.wire("bad.out").error());
        assertTrue(wires.get("bad.out").closed.get());
        assertEquals(new LiveValue.Number(5), f.wire("good.out").value());
    }

    @Test
    void shouldReadBlockStatesAndComputeCpuPercentFromCpuTime() {
        AtomicLong cpuMillis = new AtomicLong();
        BlockSource blocks = new BlockSource() {
            @Override
            public Map<String, BlockStatus> states() {
                return Map.of("wave", new BlockStatus("wave", BlockState.RUNNING, null, null, null, 42));
            }

            @Override
            public Optional<BlockStats> stats(String blockId) {
                return Optional.of(new BlockStats(50, 49.5, 100, cpuMillis.get() / 1000.0, 30L << 20));
            }
        };
        LiveSampler s = sampler(blocks);
        s.sampleOnce();
        advanceMillis(Duration.ofSeconds(2).toMillis());
        cpuMillis.set(500); // half a second of CPU in two seconds
        BlockLive b = s.sampleOnce().block("wave");
        assertEquals(BlockState.RUNNING, b.status().state());
        assertEquals(49.5, b.stats().achievedRateHz());
        assertEquals(25.0, b.cpuPercent(), 1e-9);
    }

    @Test
    void shouldSampleOnItsOwnThreadAndCloseTheSources() throws Exception {
        WireInfo info = wire("a.out", PortType.NUMBER);
        FakeWire w = new FakeWire();
        LiveSampler s = new LiveSampler(List.of(info), i -> w, BlockSource.none(), 60);
        s.start();
        w.write(new LiveValue.Number(3));
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (s.latest().wire("a.out") == null || s.latest().wire("a.out").sequence() != 1) {
            assertTrue(System.nanoTime() < deadline, "sampler never published the value");
            Thread.onSpinWait();
        }
        s.close();
        assertTrue(w.closed.get());
    }
}
