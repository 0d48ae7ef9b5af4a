package io.visualcircuit.app.live;

import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.WireInfo;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pulse asks its views to repaint only for frames the sampler actually published. */
class LivePulseTest {
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final FakeWire wire = new FakeWire();
    private final LiveSampler sampler = new LiveSampler(List.of(new WireInfo("a.out", "seg-a", PortType.NUMBER)),
            i -> wire, BlockSource.none(), 30, clock::get, 2);
    private final List<LiveFrame> repaints = new ArrayList<>();
    private final LivePulse pulse = new LivePulse(sampler::latest);

    LivePulseTest() {
        pulse.addView(repaints::add);
    }

    /** One display pulse after one sampler tick, 33 ms later. */
    private void tick() {
        clock.addAndGet(33_000_000L);
        sampler.sampleOnce();
        pulse.handle(clock.get());
    }

    @Test
    void shouldRequestNoRepaintWhileTheSourceIsUnchanged() {
        wire.write(new LiveValue.Number(4));
        tick();
        assertEquals(1, repaints.size());
        for (int i = 0; i < 15; i++) {
            tick();
        }
        assertEquals(1, repaints.size(), "half a second of an unchanged wire: no repaint");
        wire.write(new LiveValue.Number(5));
        tick();
        assertEquals(2, repaints.size());
        assertEquals(new LiveValue.Number(5), repaints.get(1).wire("a.out").value());
    }

    @Test
    void shouldRequestARepaintWhenTheWireTurnsStale() {
        wire.write(new LiveValue.Number(4));
        tick();
        while (repaints.size() == 1) {
            tick();
            assertTrue(clock.get() < 3_000_000_000L, "the stale transition was never painted");
        }
        LiveFrame dimmed = repaints.get(1);
        assertTrue(dimmed.wire("a.out").stale());
        double idle = dimmed.timeSeconds() - repaints.get(0).timeSeconds();
        assertTrue(idle > 1.0 && idle < 1.1, "dimmed one tick after a second without values: " + idle);
    }
}
