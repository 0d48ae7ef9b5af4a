package io.visualcircuit.runtime.host;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a block process needs to know about its block, written by the runtime into the run
 * directory and read once by the block process at start-up (Java: {@code BlockMain}; Python: the
 * block host). Immutable.
 *
 * <p>The file is UTF-8 text, one record per line, fields separated by a TAB and escaped as in
 * {@link TypedValues}: {@code block ID}, {@code type TYPE}, {@code rate HZ}, {@code parent PID},
 * {@code stats SEGMENT}, {@code code FILE}, {@code blocking-wires true}, {@code in PORT TYPE
 * SEGMENT}, {@code out PORT TYPE SEGMENT} (empty segment: port without a wire) and
 * {@code param NAME ENCODED-VALUE}. It is kept this simple so that a block JVM does not load a
 * JSON library just to start. Readers skip records they do not know.
 *
 * @param rate        steps per second; 0 means "step when an input has a new value"
 * @param parentPid   the runtime's process id, checked by the block to notice an orphaned start
 * @param statsSegment the segment where the block publishes its {@link StatsLayout health figures}, or null
 * @param codeFile    the user's code of a Python block, or null
 * @param blockingWires true when the block will sleep on an input wire (it steps on new values)
 *                      or readers will sleep on its outputs, so that it gets ready for blocking
 *                      waits and wake-ups at start rather than during its first one
 */
public record BlockSpec(String blockId, String type, double rate, long parentPid, String statsSegment,
                        String codeFile, List<PortWire> inputs, List<PortWire> outputs, Map<String, Object> params,
                        boolean blockingWires) {

    private static final String MAGIC = "vc-block-spec";

    public BlockSpec {
        Objects.requireNonNull(blockId, "blockId");
        Objects.requireNonNull(type, "type");
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A spec of a block that neither sleeps on its wires nor has sleeping readers. */
    public BlockSpec(String blockId, String type, double rate, long parentPid, String statsSegment,
                     String codeFile, List<PortWire> inputs, List<PortWire> outputs, Map<String, Object> params) {
        this(blockId, type, rate, parentPid, statsSegment, codeFile, inputs, outputs, params, false);
    }

    /** This spec with other parameter values (for a restart that keeps the user's changes). */
    public BlockSpec withParams(Map<String, Object> newParams) {
        return new BlockSpec(blockId, type, rate, parentPid, statsSegment, codeFile, inputs, outputs, newParams,
                blockingWires);
    }

    /**
     * A port of the block and the segment of the wire on it.
     *
     * @param type    the port's data type, by its file name ({@code number}, {@code image}...)
     * @param segment the shared-memory segment, or null when no wire is connected
     */
    public record PortWire(String port, String type, String segment) {
        public PortWire {
            Objects.requireNonNull(port, "port");
            Objects.requireNonNull(type, "type");
        }
    }

    public void write(Path file) throws IOException {
        StringBuilder b = new StringBuilder(256);
        line(b, MAGIC, "1");
        line(b, "block", blockId);
        line(b, "type", type);
        line(b, "rate", Double.toString(rate));
        line(b, "parent", Long.toString(parentPid));
        if (statsSegment != null) {
            line(b, "stats", statsSegment);
        }
        if (codeFile != null) {
            line(b, "code", codeFile);
        }
        if (blockingWires) {
            line(b, "blocking-wires", "true");
        }
        for (PortWire p : inputs) {
            line(b, "in", p.port(), p.type(), p.segment() == null ? "" : p.segment());
        }
        for (PortWire p : outputs) {
            line(b, "out", p.port(), p.type(), p.segment() == null ? "" : p.segment());
        }
        params.forEach((k, v) -> line(b, "param", k, TypedValues.encode(v)));
        Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder b, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(TypedValues.escape(fields[i]));
        }
        b.append('\n');
    }

    /** Reads a spec file; throws IOException with a clear message when it is not one. */
    public static BlockSpec read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.isEmpty() || !lines.get(0).startsWith(MAGIC + "\t")) {
            throw new IOException(file + " is not a block spec file");
        }
        String id = null;
        String type = null;
        double rate = 0;
        long parent = -1;
        String stats = null;
        String code = null;
        boolean blocking = false;
        List<PortWire> ins = new ArrayList<>();
        List<PortWire> outs = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        for (String raw : lines.subList(1, lines.size())) {
            if (raw.isEmpty()) {
                continue;
            }
            String[] f = raw.split("\t", -1);
            for (int i = 0; i < f.length; i++) {
                f[i] = TypedValues.unescape(f[i]);
            }
            try {
                switch (f[0]) {
                    case "block" -> id = f[1];
                    case "type" -> type = f[1];
                    case "rate" -> rate = Double.parseDouble(f[1]);
                    case "parent" -> parent = Long.parseLong(f[1]);
                    case "stats" -> stats = f[1];
                    case "code" -> code = f[1];
                    case "blocking-wires" -> blocking = Boolean.parseBoolean(f[1]);
                    case "in" -> ins.add(new PortWire(f[1], f[2], f[3].isEmpty() ? null : f[3]));
                    case "out" -> outs.add(new PortWire(f[1], f[2], f[3].isEmpty() ? null : f[3]));
                    case "param" -> params.put(f[1], TypedValues.decode(f[2]));
                    default -> {
                        // Records added by a newer runtime are skipped on purpose.
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException("bad line in block spec " + file + ": " + raw, e);
            }
        }
        if (id == null || type == null) {
            throw new IOException("block spec " + file + " names no block or no type");
        }
        return new BlockSpec(id, type, rate, parent, stats, code, ins, outs, params, blocking);
    }
}
