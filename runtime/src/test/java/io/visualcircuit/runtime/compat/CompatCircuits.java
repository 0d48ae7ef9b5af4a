package io.visualcircuit.runtime.compat;

import io.visualcircuit.ipc.Sample;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortRef;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.Wire;
import io.visualcircuit.runtime.run.LogLine;
import io.visualcircuit.runtime.run.Run;
import io.visualcircuit.runtime.run.RunOptions;
import io.visualcircuit.runtime.run.WireInfo;
import io.visualcircuit.runtime.vc.VcImport;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Builds circuits the way a student does with an imported VisualCircuit project: open the file,
 * then drop sources and sinks around its blocks and wire them. Also waits for values and log lines.
 */
final class CompatCircuits {
    static final Duration WAIT = Duration.ofSeconds(20);

    private final List<Block> blocks = new ArrayList<>();
    private final List<Wire> wires = new ArrayList<>();
    private String name = "compat";

    private CompatCircuits() {
    }

    static CompatCircuits circuit() {
        return new CompatCircuits();
    }

    /** The circuit imported from a sample under test resources {@code vc/}, such as {@code vc3/PID.vc3}. */
    static Circuit imported(String sample) throws Exception {
        try (InputStream in = CompatCircuits.class.getResourceAsStream("/vc/" + sample)) {
            if (in == null) {
                throw new AssertionError("missing test resource vc/" + sample);
            }
            return VcImport.parse(in.readAllBytes(), sample.substring(sample.indexOf('/') + 1)).circuit();
        }
    }

    /** Adds every block and wire of an imported project. */
    CompatCircuits with(Circuit c) {
        blocks.addAll(c.blocks());
        wires.addAll(c.wires());
        name = c.name();
        return this;
    }

    /** Adds a block; {@code params} alternate names and values. */
    CompatCircuits block(String id, String type, Double rate, Object... params) {
        blocks.add(Block.of(id, type, 0, 0).withParams(params(params)).withRate(rate));
        return this;
    }

    CompatCircuits python(String id, Double rate, List<PortSpec> inputs, List<PortSpec> outputs, String code,
                          Object... params) {
        blocks.add(Block.of(id, "python", 0, 0).withParams(params(params)).withRate(rate)
                .withPorts(inputs, outputs).withCode(code));
        return this;
    }

    /** Changes a parameter of a block already added, as the student does in the block's panel. */
    CompatCircuits param(String blockId, String param, Object value) {
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).id().equals(blockId)) {
                blocks.set(i, blocks.get(i).withParam(param, value));
                return this;
            }
        }
        throw new AssertionError("no block " + blockId);
    }

    CompatCircuits wire(String from, String to) {
        wires.add(new Wire(PortRef.parse(from), PortRef.parse(to)));
        return this;
    }

    Circuit build() {
        return new Circuit(name, null, blocks, wires, List.of());
    }

    private static Map<String, Object> params(Object... params) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < params.length; i += 2) {
            p.put((String) params[i], params[i + 1]);
        }
        return p;
    }

    /** Quick stops, so that a test which stops its run does not wait long for a stuck block. */
    static RunOptions options() {
        return RunOptions.defaults().withStopGrace(Duration.ofMillis(1500));
    }

    /**
     * A python3 that imports the numpy OpenCV subset in test resources {@code compat/opencv-subset}
     * as {@code cv2}, so VisualCircuit's image blocks can run on a machine without OpenCV.
     */
    static String pythonWithOpenCvSubset(Path dir) throws Exception {
        URL url = CompatCircuits.class.getResource("/compat/opencv-subset/cv2.py");
        if (url == null) {
            throw new AssertionError("missing test resource compat/opencv-subset/cv2.py");
        }
        Path folder;
        try {
            folder = Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
        Path wrapper = dir.resolve("python3-with-opencv-subset");
        Files.writeString(wrapper, "#!/bin/sh\nPYTHONPATH=\"" + folder + ":$PYTHONPATH\" exec python3 \"$@\"\n");
        if (!wrapper.toFile().setExecutable(true)) {
            throw new AssertionError("cannot make " + wrapper + " executable");
        }
        return wrapper.toString();
    }

    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Collects samples of the wire of {@code sourcePort} until {@code enough} accepts the list. */
    static List<Sample> samples(Run run, String sourcePort, Predicate<List<Sample>> enough) throws InterruptedException {
        WireInfo info = run.wire(sourcePort).orElseThrow(() -> new AssertionError("no wire " + sourcePort));
        List<Sample> seen = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (WireReader r = WireReader.open(info.segment())) {
            long seq = 0;
            while (!enough.test(seen)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("wire " + sourcePort + " carried " + seen.size()
                            + " values, not what was expected; states " + run.states() + "; logs " + logs(run));
                }
                Sample s = r.await(seq, 50_000_000L);
                if (s != null) {
                    seq = s.sequence();
                    seen.add(s);
                }
            }
        }
        return seen;
    }

    /** The first sample of the wire of {@code sourcePort} whose value {@code accept} takes. */
    static Sample awaitSample(Run run, String sourcePort, Predicate<Sample> accept) throws InterruptedException {
        List<Sample> seen = samples(run, sourcePort, l -> !l.isEmpty() && accept.test(l.get(l.size() - 1)));
        return seen.get(seen.size() - 1);
    }

    static boolean logContains(Run run, String blockId, String text) {
        return run.log(blockId).stream().anyMatch(l -> l.text().contains(text));
    }

    static String logs(Run run) {
        StringBuilder b = new StringBuilder();
        for (String id : run.states().keySet()) {
            for (LogLine l : run.log(id)) {
                b.append('\n').append(id).append(' ').append(l.stream()).append(' ').append(l.text());
            }
        }
        return b.toString();
    }
}
