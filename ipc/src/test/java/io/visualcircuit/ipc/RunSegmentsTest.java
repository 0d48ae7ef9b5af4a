package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSegmentsTest {
    @TempDir
    Path runDirectory;

    @Test
    void shouldNameSegmentsWithUserAndRunToken() {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            String name = run.segmentName("a.out->b.in");
            assertTrue(name.matches("vc-" + Posix.uid() + "-[0-9a-f]{12}-0"), name);
            assertTrue(name.contains(run.token()));
            assertEquals(name, run.segmentName("a.out->b.in"));
            assertNotEquals(name, run.segmentName("other"));
        }
    }

    @Test
    void shouldGiveEachRunItsOwnToken() {
        try (RunSegments first = RunSegments.create(runDirectory); RunSegments second = RunSegments.create(runDirectory)) {
            assertNotEquals(first.token(), second.token());
        }
    }

    @Test
    void shouldUnlinkEverySegmentAndTheLockOnClose() throws Exception {
        Path segment;
        Path lock;
        try (RunSegments run = RunSegments.create(runDirectory)) {
            WireWriter writer = run.createWire("w", 64);
            writer.writeDouble(1);
            segment = Segment.SHM_DIRECTORY.resolve(run.segmentName("w"));
            lock = Segment.SHM_DIRECTORY.resolve("vc-" + Posix.uid() + "-" + run.token() + ".lock");
            assertTrue(Files.exists(segment));
            assertTrue(Files.exists(lock));
            writer.close();
            assertTrue(Files.exists(segment), "the run, not the writer, owns the segment");
        }
        assertFalse(Files.exists(segment));
        assertFalse(Files.exists(lock));
    }

    @Test
    void shouldWriteAManifestMappingKeysToSegments() throws Exception {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            run.createWire("sensor.out", 64);
            Properties manifest = new Properties();
            try (var in = Files.newInputStream(runDirectory.resolve("wires.properties"))) {
                manifest.load(in);
            }
            assertEquals(run.segmentName("sensor.out"), manifest.getProperty("sensor.out"));
        }
    }

    @Test
    void shouldRefuseToCreateTheSameWireTwice() {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            run.createWire("w", 64);
            assertThrows(WireException.class, () -> run.createWire("w", 64));
        }
    }

    @Test
    void shouldLeaveLiveRunsAloneWhenSweeping() {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            run.createWire("w", 64);
            RunSegments.sweepStale();
            assertTrue(Files.exists(Segment.SHM_DIRECTORY.resolve(run.segmentName("w"))));
        }
    }

    @Test
    void shouldSweepSegmentsWhoseRunHasNoLock() throws Exception {
        String orphan = "vc-" + Posix.uid() + "-0123456789ab-0";
        WireWriter.create(orphan, 64, false).close();
        assertTrue(Files.exists(Segment.SHM_DIRECTORY.resolve(orphan)));
        assertTrue(RunSegments.sweepStale() >= 1);
        assertFalse(Files.exists(Segment.SHM_DIRECTORY.resolve(orphan)));
    }
}
