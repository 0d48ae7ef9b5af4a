package io.visualcircuit.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.ipc.RunSegments;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.WireInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trace of a wire whose writer is faster than the tracer. */
class WireTraceTest {
    private static final int VALUES = 200_000;

    @TempDir
    Path dir;

    @Test
    void shouldCountTheValuesItCouldNotSeeOnTheLineAfterThem() throws Exception {
        Path file = dir.resolve("t.jsonl");
        try (RunSegments segments = RunSegments.create(dir.resolve("run"))) {
            WireWriter w = segments.createWire("fast", 64);
            WireTrace trace = new WireTrace(file, 0);
            trace.follow(List.of(new WireInfo("fast.out", segments.segmentName("fast"), PortType.NUMBER)));
            for (int i = 1; i <= VALUES; i++) {
                w.writeDouble(i);
            }
            trace.close();
            w.close();
        }
        ObjectMapper json = new ObjectMapper();
        long previous = 0;
        long accounted = 0;
        long linesWithSkips = 0;
        List<String> lines = Files.readAllLines(file);
        for (String line : lines) {
            JsonNode n = json.readTree(line);
            long seq = n.get("seq").asLong();
            long skipped = n.has("skipped") ? n.get("skipped").asLong() : 0;
            assertEquals(seq, n.get("value").asDouble(), 0.0, line);
            assertEquals(seq - previous - 1, skipped, "skipped counts exactly the values between two lines: " + line);
            assertTrue(!n.has("skipped") || skipped > 0, "no \"skipped\": 0 noise: " + line);
            linesWithSkips += skipped > 0 ? 1 : 0;
            accounted += 1 + skipped;
            previous = seq;
        }
        assertEquals(VALUES, previous, "the last value is traced");
        assertEquals(VALUES, accounted, "every value is either a line or counted as skipped");
        assertTrue(linesWithSkips > 0 && lines.size() < VALUES,
                "a tight loop outruns the tracer, and the trace says so (" + lines.size() + " lines)");
    }
}
