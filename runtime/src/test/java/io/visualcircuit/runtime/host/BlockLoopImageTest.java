package io.visualcircuit.runtime.host;

import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.blocks.ImageFrame;
import io.visualcircuit.runtime.blocks.Inputs;
import io.visualcircuit.runtime.blocks.JavaBlock;
import io.visualcircuit.runtime.blocks.Outputs;
import io.visualcircuit.runtime.blocks.Params;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the stepping loop hands image inputs to a block: one reused pixel array, a new frame object per value. */
class BlockLoopImageTest {
    private static final int H = 48;
    private static final int W = 64;
    private static final int FRAMES = 20;

    /** Records, per step, the frame it got, the frame's pixel array and whether every pixel held the frame's number. */
    private static final class Recorder implements JavaBlock {
        final List<ImageFrame> frames = new ArrayList<>();
        final List<byte[]> arrays = new ArrayList<>();
        /** Read by the test thread while the loop runs, hence concurrent. */
        final List<Integer> numbers = new CopyOnWriteArrayList<>();

        @Override
        public void step(Inputs inputs, Outputs outputs, Params params) {
            ImageFrame f = inputs.image("in");
            if (f != null && inputs.isNew("in")) {
                byte[] px = f.pixels();
                int n = px[0];
                boolean uniform = true;
                for (byte b : px) {
                    uniform &= b == n;
                }
                frames.add(f);
                arrays.add(px);
                numbers.add(uniform ? n : -1);
            }
        }
    }

    @Test
    void shouldReuseOnePixelArrayForEquallySizedFramesAndGiveEachFrameItsOwnObject() throws Exception {
        String segment = "vc-test-" + UUID.randomUUID();
        try (WireWriter writer = WireWriter.create(segment, H * W * 3 + 16)) {
            BlockSpec spec = new BlockSpec("viewer", "recorder", 0, -1, null, null,
                    List.of(new BlockSpec.PortWire("in", "image", segment)), List.of(), Map.of());
            Recorder block = new Recorder();
            ControlChannel control = ControlChannel.detached(Map.of());
            try (BlockLoop loop = new BlockLoop(spec, block, control)) {
                loop.open();
                CompletableFuture<Void> running = CompletableFuture.runAsync(() -> {
                    try {
                        loop.run(() -> { });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                byte[] pixels = new byte[H * W * 3];
                for (int n = 1; n <= FRAMES; n++) {
                    Arrays.fill(pixels, (byte) n);
                    writer.writeImage(pixels, H, W, 3);
                    int expected = n;
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    // One frame at a time, so that the event-driven block sees each one.
                    while (block.numbers.size() < expected && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                }
                control.requestStop();
                running.get(10, TimeUnit.SECONDS);
            }
            List<Integer> expected = new ArrayList<>();
            for (int n = 1; n <= FRAMES; n++) {
                expected.add(n);
            }
            assertEquals(expected, block.numbers, "every frame arrived whole, in order, once");
            for (int i = 1; i < FRAMES; i++) {
                assertTrue(block.arrays.get(0) == block.arrays.get(i), "frame " + (i + 1) + " reused the pixel array");
                assertNotSame(block.frames.get(i - 1), block.frames.get(i), "a new frame is a new object");
            }
            assertTrue(block.frames.get(0).height() == H && block.frames.get(0).width() == W
                    && block.frames.get(0).channels() == 3);
        }
    }
}
