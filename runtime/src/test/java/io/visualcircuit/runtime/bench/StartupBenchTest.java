package io.visualcircuit.runtime.bench;

import io.visualcircuit.runtime.cli.VcircuitCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks that the start-up benchmark runs and reports in its fixed format; its figures are not judged here. */
class StartupBenchTest {

    @Test
    void shouldEndWithTheStartupLineInQuickMode() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = VcircuitCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("bench", "startup", "--quick");
        assertEquals(0, code, err.toString() + out);
        List<String> lines = out.toString().lines().toList();
        String last = lines.get(lines.size() - 1);
        assertTrue(last.matches("startup: start_10_ms=\\d+ start_50_ms=\\d+ rss_block_mb=\\d+\\.\\d rate_100hz=\\d+\\.\\d"),
                last);
    }
}
