package io.visualcircuit.runtime.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Runs the wire benchmark as a short smoke run; checks its output, never its speed. */
class WiresBenchTest {
    private static final Pattern SUMMARY = Pattern.compile(
            "wires: ratio_vs_agrona=([0-9.]+) image_fraction_of_memcpy=([0-9.]+) blocking_p50_us=([0-9.]+)");

    @Test
    void shouldPrintTheTableAndEndWithAPositiveSummaryLineInAQuickRun() {
        StringWriter text = new StringWriter();
        CommandLine command = new CommandLine(new WiresBench());
        command.setOut(new PrintWriter(text, true));
        int exit = command.execute("--quick");
        String output = text.toString();
        assertEquals(0, exit, output);
        for (String row : new String[] {"spinning reader", "blocking reader", "Agrona OneToOneRingBuffer", "pipe",
                "loopback TCP", "Python client", "in-process memcpy"}) {
            assertTrue(output.contains(row), "table row '" + row + "' in:\n" + output);
        }
        String[] lines = output.strip().split("\n");
        Matcher summary = SUMMARY.matcher(lines[lines.length - 1].strip());
        assertTrue(summary.matches(), "last line: " + lines[lines.length - 1]);
        for (int group = 1; group <= 3; group++) {
            assertTrue(Double.parseDouble(summary.group(group)) > 0, "figure " + group + " is positive:\n" + output);
        }
    }
}
