package io.visualcircuit.app.live;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveBenchCommandTest {

    @Test
    void shouldEndWithTheFxBusyLineForAThousandWires() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream old = System.out;
        int code;
        try {
            System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
            code = new CommandLine(new LiveBenchCommand()).execute("--quick", "--seconds", "1.5");
        } finally {
            System.setOut(old);
        }
        List<String> lines = buf.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(0, code, String.join("\n", lines));
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("live: fx_busy_percent=\\d+(\\.\\d)? wires=1000"), last);
        double p = Double.parseDouble(last.replaceAll(".*fx_busy_percent=([0-9.]+).*", "$1"));
        assertTrue(p > 0 && p < 100, "a share of wall time: " + p);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("phase labels") && !l.contains("visible_wires=0")),
                "the detailed phase draws some wires");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("machine: nproc=") && l.contains(" javafx=sw ")),
                "the figures come with the machine and the (software, in tests) pipeline they were measured on");
    }
}
