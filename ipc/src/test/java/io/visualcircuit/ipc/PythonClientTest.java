package io.visualcircuit.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs the Python client's own unit tests (test_vcwire.py) as part of the Maven build. */
class PythonClientTest {
    @Test
    void shouldPassThePythonClientUnitTests() throws Exception {
        assumeTrue(PythonScripts.pythonAvailable(), "python3 with numpy is needed");
        Process python = PythonScripts.start("test_vcwire.py");
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(python.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, python.exitValue(), output);
        assertTrue(output.contains("OK"), output);
    }
}
