package io.visualcircuit.runtime.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which run folders a sweep removes: only dead runs' folders older than the limit. */
class RunDirectoriesTest {
    private static final Duration DAY = Duration.ofDays(1);

    @TempDir
    Path parent;

    private Path folder(String name, String owner, Duration age) throws Exception {
        Path d = Files.createDirectories(parent.resolve(name));
        Files.createDirectories(d.resolve("logs"));
        Files.writeString(d.resolve("logs").resolve("001-b.log"), "a line\n");
        if (owner != null) {
            Files.writeString(d.resolve(RunDirectories.OWNER_FILE), owner + "\n", StandardCharsets.UTF_8);
        }
        Files.setLastModifiedTime(d, FileTime.from(Instant.now().minus(age)));
        return d;
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    private static String me() {
        ProcessHandle self = ProcessHandle.current();
        return self.pid() + " " + self.info().startInstant().orElseThrow().toEpochMilli();
    }

    @Test
    void shouldRemoveOnlyOldFoldersOfDeadRuns() throws Exception {
        Path keep = Files.createDirectories(parent.resolve("vc-run-current"));
        long dead = deadPid();
        Path oldDead = folder("vc-run-1", dead + " 1000", DAY.plusHours(1));
        Path youngDead = folder("vc-run-2", dead + " 1000", Duration.ofHours(2));
        Path oldLive = folder("vc-run-3", me(), DAY.multipliedBy(3));
        Path reusedPid = folder("vc-run-4", ProcessHandle.current().pid() + " 1000", DAY.multipliedBy(2));
        Path oldNoOwner = folder("vc-run-5", null, DAY.multipliedBy(2));
        Path notARun = folder("other-1", dead + " 1000", DAY.multipliedBy(2));

        assertEquals(3, RunDirectories.sweep(parent, DAY, keep));

        assertFalse(Files.exists(oldDead), "old folder of a dead run");
        assertFalse(Files.exists(reusedPid), "its pid now belongs to a process that started later");
        assertFalse(Files.exists(oldNoOwner), "old folder with no owner and no live wires");
        assertTrue(Files.isDirectory(youngDead), "less than a day old");
        assertTrue(Files.isDirectory(oldLive), "its owner still runs");
        assertTrue(Files.isDirectory(notARun), "not a run folder");
        assertTrue(Files.isDirectory(keep));
    }

    @Test
    void shouldKeepAnOwnerlessFolderWhoseWiresStillExist() throws Exception {
        String segment = "vc-test-" + UUID.randomUUID();
        Path shm = Path.of("/dev/shm", segment);
        Files.writeString(shm, "");
        try {
            Path d = folder("vc-run-old", null, DAY.multipliedBy(2));
            Files.writeString(d.resolve("wires.properties"), "#wires\ns.out=" + segment + "\n");
            Files.setLastModifiedTime(d, FileTime.from(Instant.now().minus(DAY.multipliedBy(2))));
            assertEquals(0, RunDirectories.sweep(parent, DAY, Files.createDirectories(parent.resolve("vc-run-now"))));
            assertTrue(Files.isDirectory(d), "a segment of its run still exists: it may be live");
        } finally {
            Files.deleteIfExists(shm);
        }
    }

    @Test
    void shouldDeleteLinksButNotWhatTheyPointTo() throws Exception {
        Path outside = Files.writeString(parent.resolve("precious.txt"), "keep me");
        Path d = folder("vc-run-links", null, Duration.ZERO);
        Files.createSymbolicLink(d.resolve("logs").resolve("link"), outside);
        Files.createSymbolicLink(d.resolve("dirlink"), parent);
        assertTrue(RunDirectories.delete(d));
        assertFalse(Files.exists(d));
        assertEquals("keep me", Files.readString(outside));
    }

    @Test
    void shouldRecordThisProcessAsTheOwnerOfAFreshFolder() throws Exception {
        Path d = RunDirectories.create();
        try {
            assertTrue(d.getFileName().toString().startsWith(RunDirectories.PREFIX));
            assertTrue(Files.readString(d.resolve(RunDirectories.OWNER_FILE)).startsWith(ProcessHandle.current().pid() + " "));
            assertTrue(RunDirectories.ownerMayLive(d));
        } finally {
            RunDirectories.delete(d);
        }
    }
}
