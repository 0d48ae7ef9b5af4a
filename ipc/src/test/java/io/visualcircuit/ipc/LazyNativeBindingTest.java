package io.visualcircuit.ipc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Binding libc through jnr-ffi is most of a block process's start-up CPU, so the wire library
 * binds it only when a process first sleeps on a wire (or wakes a sleeper, or takes a lock).
 */
class LazyNativeBindingTest {

    @Test
    void shouldNotLoadJnrFfiUntilAReaderBlocksOnTheWire() throws Exception {
        String name = "vc-test-" + UUID.randomUUID();
        ChildJvm child = ChildJvm.start(List.of("-Xlog:class+load=info:stdout"), LazyNativeMain.class, name);
        List<String> beforeBlocking = new ArrayList<>();
        List<String> whileBlocking = new ArrayList<>();
        List<String> current = beforeBlocking;
        boolean fixedRateDone = false;
        boolean blockingDone = false;
        String line;
        while ((line = child.readLine()) != null) {
            if (line.startsWith("fixed-rate done")) {
                assertEquals("fixed-rate done StringValue[value=fixed rate]", line);
                fixedRateDone = true;
                current = whileBlocking;
            } else if (line.startsWith("blocking done")) {
                assertEquals("blocking done null", line, "nothing new was written while the reader waited");
                blockingDone = true;
            } else if (line.contains("[class,load]")) {
                current.add(line);
            }
        }
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, child.process.exitValue());
        assertTrue(fixedRateDone && blockingDone, "the child ran both phases");
        assertTrue(beforeBlocking.stream().noneMatch(LazyNativeBindingTest::isNativeBinding),
                "create, attach, write, read and close loaded jnr-ffi: "
                        + beforeBlocking.stream().filter(LazyNativeBindingTest::isNativeBinding).limit(5).toList());
        assertTrue(whileBlocking.stream().anyMatch(LazyNativeBindingTest::isNativeBinding),
                "a blocking wait binds the native library for its futex call");
    }

    private static boolean isNativeBinding(String classLoadLine) {
        return classLoadLine.contains(" jnr.ffi.") || classLoadLine.contains(" com.kenai.jffi.");
    }
}
