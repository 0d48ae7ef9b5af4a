package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleRunSweepTest {
    @TempDir
    Path runDirectory;

    @Test
    void shouldRemoveTheSegmentsOfARunWhoseOwnerWasKilledWithSigkill() throws Exception {
        ChildJvm owner = ChildJvm.start(RunOwnerMain.class, runDirectory.toString());
        Path a;
        Path b;
        Path lock;
        try {
            String[] line = owner.expectLine("segments").split(" ");
            a = Segment.SHM_DIRECTORY.resolve(line[1]);
            b = Segment.SHM_DIRECTORY.resolve(line[2]);
            lock = Segment.SHM_DIRECTORY.resolve("vc-" + Posix.uid() + "-" + line[3] + ".lock");
            RunSegments.sweepStale();
            assertTrue(Files.exists(a) && Files.exists(b) && Files.exists(lock), "a live run is never swept");
            try (WireReader reader = WireReader.open(line[1])) {
                assertEquals(new Value.NumberValue(1), reader.read().value());
            }
        } finally {
            owner.kill();
        }
        assertTrue(owner.process.waitFor(10, TimeUnit.SECONDS));
        assertTrue(Files.exists(a), "SIGKILL gives the owner no chance to clean up");

        try (RunSegments next = RunSegments.create(runDirectory.resolve("next"))) {
            assertFalse(Files.exists(a));
            assertFalse(Files.exists(b));
            assertFalse(Files.exists(lock));
        }
    }
}
