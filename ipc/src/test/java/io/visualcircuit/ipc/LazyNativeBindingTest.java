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
        List<List<String>> phases = runChild("fixed-rate done StringValue[value=fixed rate]", "blocking done null");
        assertTrue(phases.get(0).stream().noneMatch(LazyNativeBindingTest::isNativeBinding),
                "create, attach, write, read and close loaded jnr-ffi: "
                        + phases.get(0).stream().filter(LazyNativeBindingTest::isNativeBinding).limit(5).toList());
        assertTrue(phases.get(1).stream().anyMatch(LazyNativeBindingTest::isNativeBinding),
                "a blocking wait binds the native library for its futex call");
    }

    @Test
    void shouldBindTheNativeLibraryWhenAProcessPreparesForBlockingWaits() throws Exception {
        List<List<String>> phases = runChild("fixed-rate done (nothing used)", "blocking done prepared", "prepare");
        assertTrue(phases.get(0).stream().noneMatch(LazyNativeBindingTest::isNativeBinding));
        assertTrue(phases.get(1).stream().anyMatch(l -> l.contains(" jnr.ffi.provider.")),
                "prepareBlockingWaits binds libc at once");
    }

    /**
     * Runs {@link LazyNativeMain} with class-load logging and returns the classes it loaded before
     * its first line and between its first and second line, checking both lines' text.
     */
    private static List<List<String>> runChild(String firstLine, String secondLine, String... mode) throws Exception {
        String name = "vc-test-" + UUID.randomUUID();
        List<String> args = new ArrayList<>(List.of(name));
        args.addAll(List.of(mode));
        ChildJvm child = ChildJvm.start(List.of("-Xlog:class+load=info:stdout"), LazyNativeMain.class,
                args.toArray(String[]::new));
        List<List<String>> phases = List.of(new ArrayList<>(), new ArrayList<>());
        int phase = 0;
        List<String> printed = new ArrayList<>();
        String line;
        while ((line = child.readLine()) != null) {
            if (line.contains("[class,load]")) {
                if (phase < 2) {
                    phases.get(phase).add(line);
                }
            } else {
                printed.add(line);
                phase++;
            }
        }
        assertTrue(child.process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, child.process.exitValue(), "child output: " + printed);
        assertEquals(List.of(firstLine, secondLine), printed);
        return phases;
    }

    private static boolean isNativeBinding(String classLoadLine) {
        return classLoadLine.contains(" jnr.ffi.") || classLoadLine.contains(" com.kenai.jffi.");
    }
}
