package io.visualcircuit.app.bench;

import io.visualcircuit.app.VcircuitMain;
import io.visualcircuit.runtime.circuit.Circuit;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EditorBenchTest {

    @Test
    void shouldGenerateTwoWiresPerBlockWithEveryInputFedOnce() {
        Circuit c = BenchCircuits.grid(1000);
        assertEquals(1000, c.blocks().size());
        assertEquals(2000, c.wires().size());
        Set<String> inputs = new HashSet<>();
        c.wires().forEach(w -> assertTrue(inputs.add(w.to().toString()), "one wire per input: " + w.to()));
    }

    @Test
    void shouldPrintTheSummaryLineLastInQuickMode() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = VcircuitMain.commandLine().execute("bench", "editor", "--quick", "--frames", "6");
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8).strip();
        assertEquals(0, code, out);
        String[] lines = out.split("\\R");
        String last = lines[lines.length - 1];
        assertTrue(last.matches("editor: load_1000_ms=\\d+ fps_1000=\\d+(\\.\\d+)?"), last);
        assertTrue(out.contains("editor: blocks=100 wires=200 "), out);
        assertTrue(out.contains("editor: blocks=1000 wires=2000 "), out);
    }
}
