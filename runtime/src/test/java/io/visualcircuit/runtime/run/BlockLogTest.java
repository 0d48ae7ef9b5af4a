package io.visualcircuit.runtime.run;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockLogTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepOnlyTheRecentLinesInMemoryButEveryLineInTheFile() throws Exception {
        Path file = dir.resolve("b.log");
        try (BlockLog log = new BlockLog("b", 3, file)) {
            for (int i = 1; i <= 5; i++) {
                log.add(i % 2 == 0 ? LogLine.Stream.STDERR : LogLine.Stream.STDOUT, "line " + i);
            }
            List<LogLine> ring = log.snapshot();
            assertEquals(List.of("line 3", "line 4", "line 5"), ring.stream().map(LogLine::text).toList());
            assertEquals("b", ring.get(0).blockId());
            assertEquals(LogLine.Stream.STDERR, ring.get(1).stream());
            assertTrue(!ring.get(0).time().isAfter(ring.get(2).time()), "timestamps in order");
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(5, lines.size());
        assertTrue(lines.get(1).matches("\\d{4}-\\d\\d-\\d\\dT.* err line 2"), lines.get(1));
    }
}
