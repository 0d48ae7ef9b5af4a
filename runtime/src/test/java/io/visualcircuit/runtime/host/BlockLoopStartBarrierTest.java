package io.visualcircuit.runtime.host;

import io.visualcircuit.runtime.blocks.Inputs;
import io.visualcircuit.runtime.blocks.JavaBlock;
import io.visualcircuit.runtime.blocks.Outputs;
import io.visualcircuit.runtime.blocks.Params;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The start barrier of a block process: ready first, then no step until the runtime says go. */
class BlockLoopStartBarrierTest {

    /** Counts its steps and whether it was torn down; read by the test thread, hence atomic/volatile. */
    private static final class Counter implements JavaBlock {
        final AtomicInteger steps = new AtomicInteger();
        volatile boolean tornDown;

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            steps.incrementAndGet();
        }

        @Override
        public void teardown() {
            tornDown = true;
        }
    }

    /** A 100 Hz source without wires, its control channel fed through a pipe as stdin would be. */
    private static final class Harness {
        final PipedOutputStream commands = new PipedOutputStream();
        final Counter block = new Counter();
        final CountDownLatch ready = new CountDownLatch(1);
        final CompletableFuture<Void> running;

        Harness() throws IOException {
            ControlChannel control = ControlChannel.start(new PipedInputStream(commands), Map.of());
            BlockSpec spec = new BlockSpec("source", "counter", 100, -1, null, null, List.of(), List.of(), Map.of());
            BlockLoop loop = new BlockLoop(spec, block, control);
            loop.open();
            running = CompletableFuture.runAsync(() -> {
                try (loop) {
                    loop.run(ready::countDown);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }

        void send(String line) throws IOException {
            commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            commands.flush();
        }
    }

    @Test
    void shouldStopWithoutAStepWhenStopArrivesBeforeGo() throws Exception {
        Harness h = new Harness();
        assertTrue(h.ready.await(10, TimeUnit.SECONDS), "the block reported ready");
        h.send(ControlMessages.STOP);
        h.running.get(10, TimeUnit.SECONDS);
        assertEquals(0, h.block.steps.get(), "a rate-driven block took no step before go");
        assertTrue(h.block.tornDown, "the block was torn down after its setup");
    }

    @Test
    void shouldStepOnlyAfterGoAndStopOnRequest() throws Exception {
        Harness h = new Harness();
        assertTrue(h.ready.await(10, TimeUnit.SECONDS), "the block reported ready");
        h.send(ControlMessages.GO);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (h.block.steps.get() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertTrue(h.block.steps.get() >= 3, "the block stepped after go");
        h.send(ControlMessages.STOP);
        h.running.get(10, TimeUnit.SECONDS);
        assertTrue(h.block.tornDown, "the block was torn down after the stop");
    }
}
