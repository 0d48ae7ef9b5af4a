package io.visualcircuit.app.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.runtime.circuit.PortType;
import io.visualcircuit.runtime.run.WireInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TraceRecorderTest {
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldWriteEveryNewValueAsAJsonLineInTheRunTraceFormat(@TempDir Path dir) throws Exception {
        FakeWire num = new FakeWire();
        FakeWire img = new FakeWire();
        FakeWire arr = new FakeWire();
        Map<String, FakeWire> byKey = Map.of("a.out", num, "cam.out", img, "v.out", arr);
        List<WireInfo> infos = List.of(new WireInfo("a.out", "s1", PortType.NUMBER),
                new WireInfo("cam.out", "s2", PortType.IMAGE), new WireInfo("v.out", "s3", PortType.ARRAY));
        Path file = dir.resolve("trace.jsonl");
        TraceRecorder rec = new TraceRecorder(infos, i -> byKey.get(i.wire()), file);
        rec.start();
        num.write(new LiveValue.Number(1.5));
        img.write(new LiveValue.Image(1, 2, 1, new byte[] {0, 1}));
        arr.write(new LiveValue.Array(new int[] {2, 2}, new double[] {1, 2, 3, 4}));
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rec.linesWritten() < 3) {
            assertTrue(System.nanoTime() < deadline, "recorder wrote " + rec.linesWritten() + " lines");
            Thread.onSpinWait();
        }
        num.write(new LiveValue.Number(2));
        while (rec.linesWritten() < 4) {
            assertTrue(System.nanoTime() < deadline, "second value not recorded");
            Thread.onSpinWait();
        }
        rec.close();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(file)) {
            lines.add(json.readTree(l));
        }
        assertEquals(4, lines.size());
        JsonNode first = lines.stream().filter(n -> n.get("wire").asText().equals("a.out")).findFirst().orElseThrow();
        assertEquals(1, first.get("seq").asLong());
        assertEquals(1.5, first.get("value").asDouble());
        assertTrue(first.get("t").isNumber());
        JsonNode image = lines.stream().filter(n -> n.get("wire").asText().equals("cam.out")).findFirst().orElseThrow();
        assertEquals("[1,2,1]", image.get("value").get("shape").toString());
        assertEquals("uint8", image.get("value").get("dtype").asText());
        // sha256 of the bytes 00 01
        assertEquals("b413f47d13ee2fe6c845b2ee141af81de858df4ec549a58b7970bb96645bc8d2", image.get("value").get("sha256").asText());
        JsonNode array = lines.stream().filter(n -> n.get("wire").asText().equals("v.out")).findFirst().orElseThrow();
        assertEquals("[[1.0,2.0],[3.0,4.0]]", array.get("value").toString());
        JsonNode last = lines.get(3);
        assertEquals("a.out", last.get("wire").asText());
        assertEquals(2, last.get("seq").asLong());
        assertTrue(num.closed.get() && img.closed.get(), "sources closed when recording stops");
    }
}
