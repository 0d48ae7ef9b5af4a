package io.visualcircuit.runtime.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BlockSpecTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackWhatItWrote() throws IOException {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("k", 2.5);
        params.put("n", 3L);
        params.put("on", true);
        params.put("formula", "a*sin(b)\tand\nmore");
        BlockSpec spec = new BlockSpec("arm.left", "gain", 0.0, 1234, "vc-1-abc-9", "/tmp/code.py",
                List.of(new BlockSpec.PortWire("in", "number", "vc-1-abc-0"), new BlockSpec.PortWire("spare", "any", null)),
                List.of(new BlockSpec.PortWire("out", "number", "vc-1-abc-1")), params, true);
        Path f = dir.resolve("b.spec");
        spec.write(f);
        BlockSpec back = BlockSpec.read(f);
        assertEquals(spec, back);
        assertEquals(List.of("k", "n", "on", "formula"), List.copyOf(back.params().keySet()), "parameter order kept");
        BlockSpec restarted = back.withParams(Map.of("k", 4.0));
        assertEquals(Map.of("k", 4.0), restarted.params());
        assertTrue(restarted.blockingWires(), "a restart keeps everything but the parameters");
        assertEquals(spec.inputs(), restarted.inputs());
    }

    @Test
    void shouldReadASpecWithoutTheBlockingRecordAsNonBlocking() throws IOException {
        Path f = dir.resolve("plain.spec");
        new BlockSpec("s", "sine", 30.0, 1, null, null, List.of(), List.of(), Map.of()).write(f);
        assertTrue(Files.readString(f).lines().noneMatch(l -> l.startsWith("blocking-wires")));
        assertEquals(false, BlockSpec.read(f).blockingWires());
    }

    @Test
    void shouldRefuseAFileThatIsNoSpec() throws IOException {
        Path f = dir.resolve("other.txt");
        Files.writeString(f, "hello\n");
        IOException e = assertThrows(IOException.class, () -> BlockSpec.read(f));
        assertTrue(e.getMessage().contains("not a block spec"), e.getMessage());
    }

    @Test
    void shouldNameTheBadLine() throws IOException {
        Path f = dir.resolve("bad.spec");
        Files.writeString(f, "vc-block-spec\t1\nblock\tb\ntype\tgain\nrate\tfast\n");
        IOException e = assertThrows(IOException.class, () -> BlockSpec.read(f));
        assertTrue(e.getMessage().contains("rate\tfast"), e.getMessage());
    }

    @Test
    void shouldSkipRecordsItDoesNotKnow() throws IOException {
        Path f = dir.resolve("newer.spec");
        Files.writeString(f, "vc-block-spec\t1\nblock\tb\ntype\tgain\nrate\t5.0\nfuture\tthing\n");
        assertEquals(5.0, BlockSpec.read(f).rate());
    }
}
