package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Catalog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunOptionsTest {

    @Test
    void shouldStartFromTheDocumentedDefaults() {
        RunOptions o = RunOptions.defaults();
        assertEquals("python3", o.python());
        assertNull(o.runDirectory());
        assertEquals(Map.of(), o.overrides());
        assertEquals(Duration.ofSeconds(1), o.stopGrace());
        assertEquals(Duration.ofSeconds(60), o.readyTimeout());
        assertEquals(RestartPolicy.NEVER, o.restartPolicy());
        assertEquals(RestartPolicy.NEVER, o.restartPolicy("any"));
        assertNull(o.java());
        assertEquals(List.of(), o.jvmOptions());
        assertTrue(o.classDataSharing());
        assertEquals(2000, o.logLines());
        assertNull(o.wiresCreated());
        assertEquals(List.of(), o.listeners());
        assertFalse(o.keepLogs());
    }

    @Test
    void shouldChangeOnlyTheNamedSettingAndLeaveTheOriginalAlone() {
        Consumer<List<WireInfo>> callback = wires -> { };
        RunListener listener = new RunListener() { };
        Catalog catalog = Catalog.standard();
        RunOptions base = RunOptions.defaults();
        RunOptions o = base.withPython("/opt/py")
                .withRunDirectory(Path.of("runs"))
                .withOverrides(Map.of("g", Map.of("gain", 2.0)))
                .withStopGrace(Duration.ofMillis(300))
                .withReadyTimeout(Duration.ofSeconds(5))
                .withRestartPolicy(RestartPolicy.ON_FAILURE)
                .withRestartPolicy("p", RestartPolicy.NEVER)
                .withJava("/opt/java")
                .withJvmOptions(List.of("-Xmx64m"))
                .withClassDataSharing(false)
                .withLogLines(10)
                .withCatalog(catalog)
                .withWiresCreated(callback)
                .withListener(listener)
                .withKeepLogs(true);

        assertEquals("/opt/py", o.python());
        assertEquals(Path.of("runs"), o.runDirectory());
        assertEquals(Map.of("g", Map.of("gain", 2.0)), o.overrides());
        assertEquals(Duration.ofMillis(300), o.stopGrace());
        assertEquals(Duration.ofSeconds(5), o.readyTimeout());
        assertEquals(RestartPolicy.ON_FAILURE, o.restartPolicy());
        assertEquals(RestartPolicy.ON_FAILURE, o.restartPolicy("g"));
        assertEquals(RestartPolicy.NEVER, o.restartPolicy("p"));
        assertEquals("/opt/java", o.java());
        assertEquals(List.of("-Xmx64m"), o.jvmOptions());
        assertFalse(o.classDataSharing());
        assertEquals(10, o.logLines());
        assertSame(catalog, o.catalog());
        assertSame(callback, o.wiresCreated());
        assertEquals(List.of(listener), o.listeners());
        assertTrue(o.keepLogs());

        assertNotSame(base, o);
        assertEquals("python3", base.python());
        assertEquals(List.of(), base.listeners());
        assertFalse(base.keepLogs());
    }

    @Test
    void shouldRejectFewerThanOneLogLine() {
        assertThrows(IllegalArgumentException.class, () -> RunOptions.defaults().withLogLines(0));
    }
}
