package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Polling a wire with an idle strategy instead of sleeping on its futex. */
class WirePollTest {
    private static final long GENEROUS = TimeUnit.SECONDS.toNanos(10);

    private final String name = "vc-test-" + UUID.randomUUID();

    @Test
    void shouldReturnAValueAnotherThreadWritesWhileTheReaderPolls() throws Exception {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeDouble(1.0);
            BackoffIdleStrategy idle = new BackoffIdleStrategy(10, 10, 1_000, 100_000);
            CountDownLatch polling = new CountDownLatch(1);
            CompletableFuture<Sample> polled = CompletableFuture.supplyAsync(() -> {
                polling.countDown();
                return reader.poll(1, GENEROUS, idle);
            });
            assertTrue(polling.await(10, TimeUnit.SECONDS));
            writer.writeString("later");
            Sample sample = polled.get(20, TimeUnit.SECONDS);
            assertNotNull(sample, "the value written after the poll started is returned, not a timeout");
            assertEquals(2, sample.sequence());
            assertEquals(0, sample.skipped());
            assertEquals(new Value.StringValue("later"), sample.value());
        }
    }

    @Test
    void shouldReturnAtOnceWhenAValueIsAlreadyNewerAndCountTheSkippedOnes() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeLong(7);
            writer.writeLong(8);
            writer.writeLong(9);
            Sample sample = reader.poll(0, 0, IdleStrategy.busySpin());
            assertEquals(new Value.LongValue(9), sample.value());
            assertEquals(2, sample.skipped());
        }
    }

    @Test
    void shouldTimeOutWithNullWhenNothingIsWritten() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            BackoffIdleStrategy idle = new BackoffIdleStrategy(5, 5, 1_000, 1_000_000);
            long start = System.nanoTime();
            assertNull(reader.poll(0, TimeUnit.MILLISECONDS.toNanos(30), idle));
            long elapsed = System.nanoTime() - start;
            assertTrue(elapsed >= TimeUnit.MILLISECONDS.toNanos(30), "waited the whole timeout: " + elapsed);
            assertTrue(elapsed < GENEROUS, "returned in bounded time: " + elapsed);
            assertEquals(BackoffIdleStrategy.Phase.PARKING, idle.phase(), "a long empty poll ends up parking");
            assertTrue(idle.parks() > 0);
            assertEquals(0, writer.sequence());
        }
    }

    @Test
    void shouldNeverTouchTheFutexWaiterCountWhilePolling() throws Exception {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            ByteBuffer header = reader.segmentHeaderForTest();
            CompletableFuture<Sample> polled = CompletableFuture.supplyAsync(
                    () -> reader.poll(0, GENEROUS, new BackoffIdleStrategy(0, 0, 1_000_000, 1_000_000)));
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
            while (System.nanoTime() < deadline) {
                assertEquals(0, Segment.getIntAcquire(header, WireLayout.WAITERS_OFFSET), "a poller never registers as a futex waiter");
                Thread.onSpinWait();
            }
            writer.writeBoolean(true);
            assertEquals(new Value.BooleanValue(true), polled.get(20, TimeUnit.SECONDS).value());
        }
    }

    @Test
    void shouldTimeOutCleanlyOnAWireWhoseWriterIsGone() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeDouble(3.5);
            writer.close();
            assertFalse(reader.writerAlive());
            assertNull(reader.poll(1, TimeUnit.MILLISECONDS.toNanos(20), new BackoffIdleStrategy()));
            SampleBuffer buffer = new SampleBuffer();
            assertFalse(reader.poll(1, TimeUnit.MILLISECONDS.toNanos(20), new BackoffIdleStrategy(), buffer));
            assertEquals(0, buffer.sequence(), "a timed-out poll leaves the buffer untouched");
            assertEquals(new Value.NumberValue(3.5), reader.read().value(), "the stale value is still readable");
        }
    }

    @Test
    void shouldFillASampleBufferWhenPollingFindsAnImage() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            byte[] pixels = {1, 2, 3, 4, 5, 6};
            writer.writeImage(pixels, 1, 2, 3);
            SampleBuffer buffer = new SampleBuffer();
            assertTrue(reader.poll(0, GENEROUS, new BackoffIdleStrategy(), buffer));
            assertTrue(buffer.isImage());
            assertEquals(1, buffer.sequence());
            assertArrayEquals(pixels, java.util.Arrays.copyOf(buffer.pixels(), pixels.length));
        }
    }

    @Test
    void shouldGiveUpWithNullWhenThePollingThreadIsInterrupted() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            Thread.currentThread().interrupt();
            try {
                assertNull(reader.poll(0, GENEROUS, new BackoffIdleStrategy()));
                assertTrue(Thread.currentThread().isInterrupted(), "the interrupt flag stays set");
            } finally {
                Thread.interrupted();
            }
        }
    }
}
