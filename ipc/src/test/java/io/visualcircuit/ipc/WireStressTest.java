package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One writer at full speed, four reader processes, payloads that reveal any torn read. */
class WireStressTest {
    private static final Pattern RESULT = Pattern.compile("result reads=(\\d+) torn=(\\d+) skipped=(\\d+)");

    @Test
    void shouldNeverLetReaderProcessesSeeATornValueWhileTheWriterRunsFlatOut() throws Exception {
        String name = "vc-test-" + UUID.randomUUID();
        List<ChildJvm> readers = new ArrayList<>();
        long written;
        try (WireWriter writer = WireWriter.create(name, 64)) {
            try {
                for (String mode : List.of("spin", "await", "spin", "await")) {
                    readers.add(ChildJvm.start(StressReaderMain.class, name, mode));
                }
                for (ChildJvm reader : readers) {
                    reader.expectLine("ready");
                }
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
                while (System.nanoTime() < end) {
                    for (int i = 0; i < 64; i++) {
                        long seq = writer.sequence() + 1;
                        writer.writeNdArray("|u1", new int[] {StressPayload.sizeFor(seq)}, StressPayload.forSequence(seq));
                    }
                }
                written = writer.sequence();
                writer.close();
                for (ChildJvm reader : readers) {
                    Matcher result = RESULT.matcher(reader.expectLine("result"));
                    assertTrue(result.matches());
                    long reads = Long.parseLong(result.group(1));
                    assertTrue(reads > 0, "every reader read something");
                    assertEquals(0, Long.parseLong(result.group(2)), "torn reads");
                    assertTrue(reader.process.waitFor(20, TimeUnit.SECONDS));
                    assertEquals(0, reader.process.exitValue());
                }
            } finally {
                readers.forEach(ChildJvm::kill);
            }
        } finally {
            Files.deleteIfExists(Segment.SHM_DIRECTORY.resolve(name));
        }
        assertTrue(written > 100, "the writer made progress: " + written);
    }

    @Test
    void shouldKeepServingTheLastValueAndReportTheWriterDeadAfterItIsKilledMidRun() throws Exception {
        String name = "vc-test-" + UUID.randomUUID();
        try (WireWriter creator = WireWriter.create(name, 64); WireReader reader = WireReader.open(name)) {
            ChildJvm writer = ChildJvm.start(WriterMain.class, name);
            try {
                writer.expectLine("writing");
                long before = reader.sequence();
                Sample live = reader.await(before, TimeUnit.SECONDS.toNanos(10));
                assertNotNull(live);
                assertTrue(reader.writerAlive(), "the writing child is alive");
            } finally {
                writer.kill();
            }
            assertTrue(writer.process.waitFor(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (reader.writerAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(!reader.writerAlive(), "a killed writer is reported dead, so the wire is stale");
            long lastSeq = reader.sequence();
            assertNull(reader.poll(lastSeq, TimeUnit.MILLISECONDS.toNanos(20), new BackoffIdleStrategy()),
                    "polling a killed writer's wire times out cleanly");
            for (int i = 0; i < 3; i++) {
                Sample sample = reader.read();
                assertEquals(lastSeq, sample.sequence());
                byte[] data = ((Value.NdArrayValue) sample.value()).data();
                assertTrue(StressPayload.matches(data, sample.sequence()), "the last complete value survives the crash");
            }
            assertEquals(null, reader.await(lastSeq, TimeUnit.MILLISECONDS.toNanos(50)), "no new value, and no hang");
        }
    }
}
