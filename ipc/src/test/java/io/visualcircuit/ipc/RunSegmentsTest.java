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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"stats:motor", "a b=c#d!e", "back\\slash", " leading space", "tab\tand\nnewline",
            "na\u00efve \u2192 \u00fc", "trailing space "})
    void shouldWriteKeysThatPropertiesReadBackUnchanged(String key) throws Exception {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            run.createWire(key, 64);
            Properties manifest = manifest();
            assertEquals(1, manifest.size(), manifest.toString());
            assertEquals(run.segmentName(key), manifest.getProperty(key));
        }
    }

    @Test
    void shouldListEveryWireOfALargeRunInCreationOrder() throws Exception {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            for (int i = 0; i < 300; i++) {
                run.createWire("src" + i + ".out", 16);
                if (i == 149) {
                    // An outside tool reading half-way through sees exactly the wires made so far.
                    assertEquals(150, manifest().size());
                }
            }
            Properties manifest = manifest();
            assertEquals(300, manifest.size());
            for (int i = 0; i < 300; i++) {
                assertEquals(run.segmentName("src" + i + ".out"), manifest.getProperty("src" + i + ".out"));
                assertTrue(run.segmentName("src" + i + ".out").endsWith("-" + i));
            }
        }
    }

    @Test
    void shouldReplaceTheManifestOfAnEarlierRunInTheSameDirectory() throws Exception {
        try (RunSegments first = RunSegments.create(runDirectory)) {
            first.createWire("old.out", 64);
        }
        try (RunSegments second = RunSegments.create(runDirectory)) {
            second.createWire("new.out", 64);
            Properties manifest = manifest();
            assertEquals(second.segmentName("new.out"), manifest.getProperty("new.out"));
            assertFalse(manifest.containsKey("old.out"), manifest.toString());
        }
    }

    @Test
    void shouldListNamesHandedOutBeforeTheirSegmentIsCreated() throws Exception {
        try (RunSegments run = RunSegments.create(runDirectory)) {
            String name = run.segmentName("planned.out");
            assertEquals(name, manifest().getProperty("planned.out"));
        }
    }

    private Properties manifest() throws Exception {
        Properties manifest = new Properties();
        try (var in = Files.newInputStream(runDirectory.resolve("wires.properties"))) {
            manifest.load(in);
        }
        return manifest;
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
