package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Readers fed random and randomly damaged segments must either read a value or throw
 * {@link WireException}: no other exception, no JVM crash, no endless loop.
 */
class WireFuzzTest {
    private static final int[] FIELDS = {
        WireLayout.MAGIC_OFFSET, WireLayout.VERSION_OFFSET, WireLayout.HEADER_LENGTH_OFFSET,
        WireLayout.SLOT_COUNT_OFFSET, WireLayout.GENERATION_OFFSET, WireLayout.SLOTS_OFFSET_OFFSET,
        WireLayout.SLOT_CAPACITY_OFFSET, WireLayout.SLOT_STRIDE_OFFSET, WireLayout.SEQUENCE_OFFSET,
        WireLayout.WRITER_STATE_OFFSET,
    };

    @Test
    void shouldSurviveRandomAndDamagedSegments() throws Exception {
        String source = "vc-test-" + UUID.randomUUID();
        byte[] valid;
        try (WireWriter writer = WireWriter.create(source, 128)) {
            writer.writeString("hello");
            writer.writeDoubleArray(new double[] {1, 2, 3, 4}, 2, 2);
            writer.writeNdArray("<i4", new int[] {2}, new byte[8]);
            writer.writeImage(new byte[2 * 3 * 3], 2, 3, 3);
            valid = Files.readAllBytes(Segment.SHM_DIRECTORY.resolve(source));
        }
        // A damaged generation must not look like a resize by a live writer (readers wait for those).
        ByteBuffer.wrap(valid).order(ByteOrder.LITTLE_ENDIAN).putInt(WireLayout.WRITER_PID_OFFSET, 0)
                .putInt(WireLayout.WRITER_STATE_OFFSET, WireLayout.WRITER_STATE_CLOSED);
        Random random = new Random(20240611);
        String name = "vc-test-" + UUID.randomUUID();
        Path path = Segment.SHM_DIRECTORY.resolve(name);
        int[] outcomes = new int[2];
        try {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                for (int round = 0; round < 1500; round++) {
                    Files.write(path, mutate(valid, random, round));
                    outcomes[readAll(name) ? 0 : 1]++;
                    Files.delete(path);
                }
            });
        } finally {
            Files.deleteIfExists(path);
        }
        assertTrue(outcomes[0] > 0 && outcomes[1] > 0, "the fuzz reached both readable and rejected segments: "
                + outcomes[0] + " / " + outcomes[1]);
    }

    private static byte[] mutate(byte[] valid, Random random, int round) {
        if (round % 10 == 0) {
            byte[] noise = new byte[random.nextInt(4096)];
            random.nextBytes(noise);
            return noise;
        }
        byte[] bytes = valid.clone();
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits; e++) {
            switch (random.nextInt(4)) {
                case 0 -> bytes[random.nextInt(bytes.length)] = (byte) random.nextInt();
                case 1 -> {
                    int field = FIELDS[random.nextInt(FIELDS.length)];
                    long value = switch (random.nextInt(5)) {
                        case 0 -> 0;
                        case 1 -> -1;
                        case 2 -> random.nextInt(1 << 20);
                        case 3 -> Long.MAX_VALUE;
                        default -> random.nextLong();
                    };
                    if (field == WireLayout.MAGIC_OFFSET || field == WireLayout.VERSION_OFFSET
                            || field == WireLayout.HEADER_LENGTH_OFFSET || field == WireLayout.SLOT_COUNT_OFFSET
                            || field == WireLayout.WRITER_STATE_OFFSET) {
                        buf.putInt(field, (int) value);
                    } else {
                        buf.putLong(field, value);
                    }
                }
                case 2 -> {
                    // Damage a slot header or payload field of the slot holding the latest value.
                    int slot = WireLayout.HEADER_LENGTH + (int) (4 % 3) * (int) WireLayout.slotStride(128);
                    int at = slot + random.nextInt(WireLayout.SLOT_HEADER_LENGTH + 48) / 4 * 4;
                    buf.putInt(at, random.nextInt(5) == 0 ? -1 : random.nextInt(1 << 16));
                }
                default -> {
                    int length = WireLayout.HEADER_LENGTH + random.nextInt(bytes.length);
                    return java.util.Arrays.copyOf(bytes, Math.min(length, bytes.length));
                }
            }
        }
        return bytes;
    }

    /** True when the reader read a value, false when it rejected the segment with a WireException. */
    private static boolean readAll(String name) {
        try (WireReader reader = WireReader.open(name)) {
            reader.sequence();
            reader.writerAlive();
            reader.read();
            reader.readIfNewer(0);
            // The latest value is an image: the allocation-free path decodes it into a buffer.
            SampleBuffer buffer = new SampleBuffer(new byte[2 * 3 * 3]);
            reader.read(buffer);
            reader.readIfNewer(0, buffer);
            reader.await(Long.MAX_VALUE, 1_000_000);
            return true;
        } catch (WireException expected) {
            return false;
        } catch (RuntimeException | Error other) {
            fail("a damaged segment must give a WireException, not " + other, other);
            return false;
        }
    }
}
