package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WireRoundTripTest {
    private String name;

    @BeforeEach
    void pickName() {
        name = "vc-test-" + UUID.randomUUID();
    }

    @AfterEach
    void removeSegment() throws Exception {
        Files.deleteIfExists(Segment.SHM_DIRECTORY.resolve(name));
    }

    static Stream<Value> everyValueType() {
        byte[] image = new byte[4 * 5 * 3];
        new Random(7).nextBytes(image);
        return Stream.of(
                new Value.NumberValue(3.25),
                new Value.NumberValue(Double.NaN),
                new Value.BooleanValue(true),
                new Value.BooleanValue(false),
                new Value.LongValue(Long.MIN_VALUE),
                new Value.StringValue(""),
                new Value.StringValue("héllo wire ✓"),
                new Value.DoubleArrayValue(new int[] {2, 3}, new double[] {1, 2, 3, 4, 5, 6}),
                new Value.DoubleArrayValue(new int[] {0}, new double[0]),
                new Value.ImageValue(4, 5, 3, image),
                new Value.ImageValue(2, 2, 1, new byte[] {0, 1, (byte) 200, (byte) 255}),
                new Value.NdArrayValue("<i2", new int[] {3}, new byte[] {1, 0, 2, 0, (byte) 0xff, (byte) 0xff}),
                new Value.NdArrayValue("|u1", new int[] {2, 1}, new byte[] {9, 8}),
                new Value.NdArrayValue("<U2", new int[] {1}, new byte[] {'o', 0, 0, 0, 'k', 0, 0, 0}));
    }

    @Test
    void shouldSizeNumpyUnicodeItemsAtFourBytesACharacter() {
        assertEquals(256, Value.NdArrayValue.itemSize("<U64"));
        assertEquals(8, Value.NdArrayValue.itemSize("<f8"));
    }

    @ParameterizedTest
    @MethodSource("everyValueType")
    void shouldReadBackEveryValueTypeExactly(Value value) {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.write(value);
            Sample sample = reader.read();
            assertNotNull(sample);
            assertEquals(1, sample.sequence());
            assertEquals(value, sample.value());
        }
    }

    @Test
    void shouldReturnNullBeforeTheFirstWrite() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            assertNull(reader.read());
            assertEquals(0, reader.sequence());
            assertNull(reader.readIfNewer(0));
        }
    }

    @Test
    void shouldCountSkippedValuesForSlowReaders() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeDouble(1);
            assertEquals(0, reader.read().skipped());
            for (int i = 2; i <= 10; i++) {
                writer.writeDouble(i);
            }
            Sample sample = reader.read();
            assertEquals(10, sample.sequence());
            assertEquals(8, sample.skipped());
            assertEquals(new Value.NumberValue(10), sample.value());
            assertNull(reader.readIfNewer(10));
            assertEquals(6, reader.readIfNewer(3).skipped());
        }
    }

    @Test
    void shouldGrowWhenAValueExceedsTheCapacityAndKeepReadersWorking() {
        try (WireWriter writer = WireWriter.create(name, 16); WireReader reader = WireReader.open(name)) {
            writer.writeString("short");
            assertEquals(new Value.StringValue("short"), reader.read().value());
            String big = "x".repeat(100_000);
            writer.writeString(big);
            assertTrue(writer.capacity() >= big.length());
            assertEquals(new Value.StringValue(big), reader.read().value());
            byte[] pixels = new byte[480 * 640 * 3];
            pixels[12345] = 42;
            writer.writeImage(pixels, 480, 640, 3);
            Value.ImageValue image = (Value.ImageValue) reader.read().value();
            assertEquals(42, image.pixels()[12345]);
            writer.writeDouble(5);
            assertEquals(new Value.NumberValue(5), reader.read().value());
            assertEquals(4, reader.sequence());
        }
    }

    @Test
    void shouldLetANewReaderOpenAGrownSegmentAndSeeTheLatestValueAfterTheResize() {
        try (WireWriter writer = WireWriter.create(name, 8)) {
            writer.writeLong(7);
            writer.writeString("y".repeat(5000));
            try (WireReader reader = WireReader.open(name)) {
                assertEquals(new Value.StringValue("y".repeat(5000)), reader.read().value());
            }
        }
    }

    @Test
    void shouldWakeABlockedReaderWhenTheWriterPublishes() throws Exception {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            CompletableFuture<Sample> waiting = CompletableFuture.supplyAsync(
                    () -> reader.await(0, TimeUnit.SECONDS.toNanos(20)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (Segment.getIntVolatile(reader.segmentHeaderForTest(), WireLayout.WAITERS_OFFSET) == 0
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            writer.writeBoolean(true);
            Sample sample = waiting.get(10, TimeUnit.SECONDS);
            assertEquals(new Value.BooleanValue(true), sample.value());
        }
    }

    @Test
    void shouldReturnNullWhenAwaitTimesOut() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            writer.writeDouble(1);
            assertNull(reader.await(1, TimeUnit.MILLISECONDS.toNanos(30)));
        }
    }

    @Test
    void shouldContinueTheSequenceWhenAWriterAttaches() {
        try (WireWriter creator = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            creator.writeDouble(1);
            creator.writeDouble(2);
            try (WireWriter attached = WireWriter.attach(name)) {
                attached.writeDouble(3);
                assertEquals(3, attached.sequence());
            }
            assertEquals(new Value.NumberValue(3), reader.read().value());
            assertTrue(Files.exists(Segment.SHM_DIRECTORY.resolve(name)), "closing an attached writer keeps the segment");
        }
    }

    @Test
    void shouldReportTheWriterAliveUntilItCloses() {
        try (WireWriter writer = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            assertTrue(reader.writerAlive());
            writer.close();
            assertFalse(reader.writerAlive());
            assertFalse(Files.exists(Segment.SHM_DIRECTORY.resolve(name)), "the creating writer unlinks on close");
        }
    }

    @Test
    void shouldCreateSegmentsOnlyReadableByTheirOwner() throws Exception {
        try (WireWriter writer = WireWriter.create(name, 64)) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(Segment.SHM_DIRECTORY.resolve(name))));
            assertThrows(WireException.class, () -> WireWriter.create(name, 64));
        }
    }

    @Test
    void shouldRefuseToFollowASymlinkPlantedAtTheSegmentName() throws Exception {
        Path target = Files.createTempFile("vc-target", ".bin");
        Path link = Segment.SHM_DIRECTORY.resolve(name);
        Files.createSymbolicLink(link, target);
        try {
            assertThrows(WireException.class, () -> WireWriter.create(name, 64));
            assertThrows(WireException.class, () -> WireReader.open(name));
            assertEquals(0, Files.size(target));
        } finally {
            Files.deleteIfExists(target);
        }
    }

    @Test
    void shouldExplainAMissingSegment() {
        WireException e = assertThrows(WireException.class, () -> WireReader.open(name));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void shouldRejectNamesThatCouldEscapeTheSharedMemoryDirectory() {
        assertThrows(WireException.class, () -> WireReader.open("../etc/passwd"));
        assertThrows(WireException.class, () -> WireWriter.create("a/b", 64));
    }

    @Test
    void shouldRejectAFileThatIsNotAWire() throws Exception {
        Files.write(Segment.SHM_DIRECTORY.resolve(name), "not a wire at all, just some text that is long enough"
                .repeat(10).getBytes(StandardCharsets.UTF_8));
        WireException e = assertThrows(WireException.class, () -> WireReader.open(name));
        assertTrue(e.getMessage().contains("magic"), e.getMessage());
    }
}
