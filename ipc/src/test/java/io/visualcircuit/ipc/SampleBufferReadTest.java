package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The allocation-free read path: reading into a reusable {@link SampleBuffer}. */
class SampleBufferReadTest {
    private String name;

    @BeforeEach
    void pickName() {
        name = "vc-test-" + UUID.randomUUID();
    }

    @AfterEach
    void removeSegment() throws Exception {
        Files.deleteIfExists(Segment.SHM_DIRECTORY.resolve(name));
    }

    private static byte[] randomPixels(int length, long seed) {
        byte[] pixels = new byte[length];
        new Random(seed).nextBytes(pixels);
        return pixels;
    }

    @Test
    void shouldCopyAnImageIntoTheBufferWithItsSizeAndPosition() {
        byte[] pixels = randomPixels(6 * 5 * 3, 1);
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeDouble(0);
            writer.writeImage(pixels, 6, 5, 3);
            SampleBuffer buffer = new SampleBuffer();
            assertTrue(reader.readIfNewer(0, buffer));
            assertTrue(buffer.isImage());
            assertEquals(6, buffer.height());
            assertEquals(5, buffer.width());
            assertEquals(3, buffer.channels());
            assertArrayEquals(pixels, buffer.pixels());
            assertEquals(2, buffer.sequence());
            assertEquals(1, buffer.skipped());
            assertEquals(new Value.ImageValue(6, 5, 3, pixels), buffer.value());
            assertTrue(buffer.writeTimeNanos() > 0);
        }
    }

    @Test
    void shouldReuseThePixelArrayWhileFramesKeepTheirSize() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            writer.writeImage(randomPixels(48, 1), 4, 4, 3);
            assertTrue(reader.readIfNewer(0, buffer));
            byte[] first = buffer.pixels();
            for (int seq = 2; seq <= 5; seq++) {
                byte[] pixels = randomPixels(48, seq);
                writer.writeImage(pixels, 4, 4, 3);
                assertTrue(reader.readIfNewer(seq - 1, buffer));
                assertSame(first, buffer.pixels(), "frame " + seq + " reuses the array");
                assertArrayEquals(pixels, buffer.pixels());
            }
        }
    }

    @Test
    void shouldReadIntoTheCallersOwnArrayWhenTheFrameFits() {
        byte[] own = new byte[2 * 3 * 4];
        byte[] pixels = randomPixels(own.length, 9);
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeImage(pixels, 2, 3, 4);
            SampleBuffer buffer = new SampleBuffer(own);
            assertTrue(reader.read(buffer));
            assertSame(own, buffer.pixels());
            assertArrayEquals(pixels, own);
        }
    }

    static Stream<int[]> sizeChanges() {
        // {height, width, channels} of a first and a second frame
        return Stream.of(
                new int[] {4, 4, 3, 8, 8, 3},
                new int[] {8, 8, 3, 2, 2, 1},
                new int[] {480, 640, 3, 480, 640, 4},
                new int[] {3, 3, 1, 0, 0, 1});
    }

    @ParameterizedTest
    @MethodSource("sizeChanges")
    void shouldReplaceTheArrayOnceWhenTheFrameSizeChanges(int[] sizes) {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            writer.writeImage(randomPixels(sizes[0] * sizes[1] * sizes[2], 1), sizes[0], sizes[1], sizes[2]);
            assertTrue(reader.readIfNewer(0, buffer));
            byte[] before = buffer.pixels();
            byte[] second = randomPixels(sizes[3] * sizes[4] * sizes[5], 2);
            writer.writeImage(second, sizes[3], sizes[4], sizes[5]);
            assertTrue(reader.readIfNewer(1, buffer));
            assertNotSame(before, buffer.pixels());
            assertArrayEquals(second, buffer.pixels());
            assertEquals(sizes[3], buffer.height());
            assertEquals(sizes[4], buffer.width());
            assertEquals(sizes[5], buffer.channels());
            writer.writeImage(randomPixels(second.length, 3), sizes[3], sizes[4], sizes[5]);
            byte[] afterChange = buffer.pixels();
            assertTrue(reader.readIfNewer(2, buffer));
            assertSame(afterChange, buffer.pixels(), "the new size is then reused");
        }
    }

    @Test
    void shouldFollowTheWireWhenItGrowsWhileReadingIntoABuffer() {
        try (WireWriter writer = WireWriter.create(name, 16); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            writer.writeImage(new byte[] {1, 2, 3}, 1, 1, 3);
            assertTrue(reader.readIfNewer(0, buffer));
            long capacityBefore = writer.capacity();
            byte[] frame = randomPixels(480 * 640 * 3, 4);
            writer.writeImage(frame, 480, 640, 3);
            assertTrue(writer.capacity() > capacityBefore, "the write grew the wire");
            assertTrue(reader.readIfNewer(1, buffer));
            assertArrayEquals(frame, buffer.pixels());
        }
    }

    @Test
    void shouldHoldValuesThatAreNotImagesInValue() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            writer.writeImage(new byte[] {5}, 1, 1, 1);
            assertTrue(reader.readIfNewer(0, buffer));
            writer.writeString("not a frame");
            assertTrue(reader.readIfNewer(1, buffer));
            assertFalse(buffer.isImage());
            assertEquals(new Value.StringValue("not a frame"), buffer.value());
            assertEquals(2, buffer.sequence());
        }
    }

    @Test
    void shouldLeaveTheBufferUntouchedWhenNothingIsNewer() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            assertFalse(reader.read(buffer), "nothing written yet");
            assertEquals(0, buffer.sequence());
            writer.writeImage(new byte[] {7, 8}, 1, 2, 1);
            assertTrue(reader.readIfNewer(0, buffer));
            assertFalse(reader.readIfNewer(1, buffer));
            assertFalse(reader.await(1, TimeUnit.MILLISECONDS.toNanos(20), buffer));
            assertEquals(1, buffer.sequence());
            assertArrayEquals(new byte[] {7, 8}, buffer.pixels());
        }
    }

    @Test
    void shouldWakeABlockedBufferReaderWhenAFrameIsPublished() throws Exception {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            SampleBuffer buffer = new SampleBuffer();
            CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(
                    () -> reader.await(0, TimeUnit.SECONDS.toNanos(20), buffer));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Segment.getIntVolatile(reader.segmentHeaderForTest(), WireLayout.WAITERS_OFFSET) == 0
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            writer.writeImage(new byte[] {1, 2, 3, 4}, 2, 2, 1);
            assertTrue(waiting.get(10, TimeUnit.SECONDS));
            assertArrayEquals(new byte[] {1, 2, 3, 4}, buffer.pixels());
        }
    }

    @Test
    void shouldReportAMalformedImageInsteadOfCopyingIt() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeImage(new byte[12], 2, 2, 3);
            try (Segment raw = Segment.open(name, true)) {
                int slot = WireLayout.HEADER_LENGTH + WireLayout.SLOT_HEADER_LENGTH
                        + (int) WireLayout.slotIndex(1, WireLayout.DEFAULT_SLOT_COUNT)
                        * (int) WireLayout.slotStride(64);
                raw.data.putInt(slot, 1_000_000); // height no longer matches the payload length
            }
            WireException error = assertThrows(WireException.class, () -> reader.readIfNewer(0, new SampleBuffer()));
            assertTrue(error.getMessage().contains("malformed"), error.getMessage());
        }
    }

    /**
     * A writer thread publishes frames of changing sizes (growing the wire on the way) as fast as
     * it can while a reader copies them into one buffer; every frame read must be exactly the
     * frame of its sequence, never a mix of two.
     */
    @Test
    void shouldNeverHandOutATornFrameWhileTheWriterRunsAtFullSpeed() throws Exception {
        int frames = 3000;
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            AtomicBoolean failed = new AtomicBoolean();
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                byte[][] bySize = new byte[7][];
                for (long seq = 1; seq <= frames && !failed.get(); seq++) {
                    int slot = (int) (seq % 7);
                    if (bySize[slot] == null) {
                        bySize[slot] = new byte[StressPayload.sizeFor(seq)];
                    }
                    StressPayload.fill(bySize[slot], seq);
                    writer.writeImage(bySize[slot], 1, bySize[slot].length, 1);
                }
            });
            SampleBuffer buffer = new SampleBuffer();
            long last = 0;
            int reads = 0;
            int torn = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            try {
                while (last < frames && System.nanoTime() < deadline) {
                    if (!reader.readIfNewer(last, buffer)) {
                        Thread.onSpinWait();
                        continue;
                    }
                    assertTrue(buffer.sequence() > last);
                    last = buffer.sequence();
                    reads++;
                    if (!StressPayload.matches(buffer.pixels(), last) || buffer.width() != buffer.pixels().length) {
                        torn++;
                    }
                }
            } finally {
                failed.set(last < frames);
            }
            writing.get(60, TimeUnit.SECONDS);
            assertEquals(frames, last, "the reader saw the last frame");
            assertEquals(0, torn, "torn frames among " + reads + " reads");
        }
    }
}
