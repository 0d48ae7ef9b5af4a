package io.visualcircuit.runtime.vc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.visualcircuit.runtime.circuit.Block;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports the original tool's own sample files and checks what comes out, block by block. */
class VcImportSamplesTest {
    static final List<String> ALL_SAMPLES = List.of(
            "vc3/Blur.vc3", "vc3/Camera.vc3", "vc3/ColorFilter.vc3", "vc3/MotorDriver.vc3", "vc3/Odometer.vc3",
            "vc3/PID.vc3", "vc3/Screen.vc3", "vc3/Threshold.vc3",
            "vc2/Read.vc", "vc2/Write.vc", "vc2/lanedetection.vc");

    static byte[] bytes(String sample) throws IOException {
        try (InputStream in = VcImportSamplesTest.class.getResourceAsStream("/vc/" + sample)) {
            if (in == null) {
                throw new IOException("missing test resource " + sample);
            }
            return in.readAllBytes();
        }
    }

    static VcImport.Result imported(String sample) throws Exception {
        return VcImport.parse(bytes(sample), sample.substring(sample.indexOf('/') + 1));
    }

    static Block block(Circuit c, String id) {
        return c.block(id).orElseThrow(() -> new AssertionError("no block " + id + " in "
                + c.blocks().stream().map(Block::id).toList()));
    }

    static List<String> names(List<PortSpec> ports) {
        return ports.stream().map(PortSpec::name).toList();
    }

    static Set<String> wires(Circuit c) {
        return c.wires().stream().map(w -> w.from() + " -> " + w.to()).collect(Collectors.toSet());
    }

    /** Every code text of a VisualCircuit file, read straight from its JSON, at any depth. */
    static List<String> sourceCodes(String sample) throws IOException {
        List<String> out = new ArrayList<>();
        collectCodes(new ObjectMapper().readTree(bytes(sample)), out);
        return out;
    }

    private static void collectCodes(JsonNode doc, List<String> out) {
        for (JsonNode b : doc.path("design").path("graph").path("blocks")) {
            if ("basic.code".equals(b.path("type").asText())) {
                out.add(b.path("data").path("code").asText());
            }
        }
        doc.path("dependencies").forEach(dep -> collectCodes(dep, out));
    }

    static Stream<Arguments> vc3Packages() {
        return Stream.of(
                Arguments.of("vc3/Blur.vc3", "blur", "Blur", List.of("Img", "Enable"), List.of("Out"),
                        params("BlurType", "Gaussian", "Kernel", "5,5")),
                Arguments.of("vc3/Camera.vc3", "camera", "Camera", List.of("Enable"), List.of("Img"), params()),
                Arguments.of("vc3/ColorFilter.vc3", "colorfilter", "ColorFilter", List.of("Img", "Enable"),
                        List.of("Out"), params("LowerHSV", "40,50,0", "UpperHSV", "140,255,255")),
                Arguments.of("vc3/MotorDriver.vc3", "motordriver", "MotorDriver", List.of("Inp", "Enable"),
                        List.of("Out"), params("ROSTopic", "/robot/cmd_vel")),
                Arguments.of("vc3/Odometer.vc3", "odometer", "Odometer", List.of("Enable"), List.of("Out"),
                        params("ROSTopic", "/robot/pose")),
                Arguments.of("vc3/PID.vc3", "pid", "PID", List.of("Inp", "Enable"), List.of("Out"),
                        params("Kp", 1.0, "Ki", 1.0, "Kd", 1.0)),
                Arguments.of("vc3/Screen.vc3", "screen", "Screen", List.of("Img", "Enable"), List.of(), params()),
                // The constants are named "Lower Threshold"; the parameter ports "LowerThreshold". The
                // code reads the port names, which the original tool got wrong.
                Arguments.of("vc3/Threshold.vc3", "threshold", "Threshold", List.of("Img", "Enable"),
                        List.of("Out"), params("LowerThreshold", 127L, "UpperThreshold", 255L)));
    }

    private static Map<String, Object> params(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @ParameterizedTest(name = "{0} becomes one python block {1}")
    @MethodSource("vc3Packages")
    void shouldImportEachVc3BlockPackageAsOnePythonBlock(String sample, String id, String label,
                                                         List<String> inputs, List<String> outputs,
                                                         Map<String, Object> params) throws Exception {
        VcImport.Result r = imported(sample);
        Circuit c = r.circuit();
        assertEquals(label, c.name());
        assertEquals(1, c.blocks().size(), () -> "blocks: " + c.blocks());
        assertTrue(c.wires().isEmpty());
        Block b = block(c, id);
        assertEquals("python", b.type());
        assertEquals(label, b.label());
        assertEquals(inputs, names(b.inputs()));
        assertEquals(outputs, names(b.outputs()));
        assertTrue(Stream.concat(b.inputs().stream(), b.outputs().stream()).allMatch(p -> p.type() == PortType.ANY));
        assertEquals(params, b.params());
        assertEquals(List.copyOf(params.keySet()), List.copyOf(b.params().keySet()), "parameter order");
        assertEquals(30.0, b.rate());
        assertEquals(sourceCodes(sample), List.of(b.code()));
        assertEquals(40.0, b.x());
        assertEquals(40.0, b.y());
    }

    @ParameterizedTest(name = "{0}: its external ports are named in a note")
    @MethodSource("vc3Packages")
    void shouldNameTheDroppedPackagePortsInANote(String sample, String id, String label, List<String> inputs,
                                                  List<String> outputs) throws Exception {
        List<String> notes = imported(sample).notes();
        String boundary = notes.stream().filter(n -> n.startsWith("this file is a package")).findFirst()
                .orElseThrow(() -> new AssertionError("no package note in " + notes));
        for (String in : inputs) {
            assertTrue(boundary.contains("'" + in + "' (was wired to " + id + "." + in + ")"), boundary);
        }
        for (String out : outputs) {
            assertTrue(boundary.contains("'" + out + "'"), boundary);
        }
    }

    @Test
    void shouldKeepThePackageDescription() throws Exception {
        Circuit c = imported("vc3/PID.vc3").circuit();
        assertEquals("PID", c.name());
        assertEquals("Navigation using PID", c.description());
    }

    @Test
    void shouldFlattenTheVc2LaneDetectionProjectAndRerouteWiresIntoThePackages() throws Exception {
        VcImport.Result r = imported("vc2/lanedetection.vc");
        Circuit c = r.circuit();
        assertEquals("lanedetection", c.name(), "an unnamed project takes the file's name");
        assertNull(c.description());
        assertEquals(List.of("videostreamer", "blur", "edgedetector", "objectdetector", "code", "screen"),
                c.blocks().stream().map(Block::id).toList());
        assertTrue(c.blocks().stream().allMatch(b -> b.type().equals("python")));
        assertEquals(Set.of(
                "videostreamer.Out-0 -> blur.Inp-0",
                "blur.Out-0 -> edgedetector.Inp-0",
                "videostreamer.Out-0 -> objectdetector.Inp-0",
                "edgedetector.Out-0 -> code.Lane",
                "objectdetector.Out-0 -> code.ObjDetect",
                "code.Out -> screen.Inp-0"), wires(c));
        assertEquals(6, c.wires().size());

        Block blur = block(c, "blur");
        assertEquals("Blur", blur.label());
        assertEquals(List.of("Inp-0", "E"), names(blur.inputs()), "VC2 code reads input_wires[1] as its enable");
        assertEquals(List.of("Out-0"), names(blur.outputs()));
        assertEquals(params("Frequency", 30.0, "Blur Type", "Gaussian", "Kernel", "5,5"), blur.params());
        assertEquals(List.of("Frequency", "Blur Type", "Kernel"), List.copyOf(blur.params().keySet()),
                "VC2 code reads parameters[i] by position");

        Block detector = block(c, "objectdetector");
        assertEquals(List.of("Inp-0", "E"), names(detector.inputs()),
                "the package's input block is called 100 but its code reads input_wires[0]");
        assertEquals(15.0, detector.rate(), "VC2's Frequency constant is the block's rate");

        Block streamer = block(c, "videostreamer");
        assertEquals(List.of("E"), names(streamer.inputs()));
        assertEquals(params("Frequency", 30.0, "Path to File", "/home/test_video.mp4"), streamer.params());
        assertTrue(streamer.code().contains("\r\n"), "Windows line ends are kept as they were");

        Block edges = block(c, "edgedetector");
        assertEquals(params("Frequency", 30.0, "Lower Thresh", 50L, "Upper Thresh", 150L), edges.params());

        Block code = block(c, "code");
        assertNull(code.label());
        assertEquals(List.of("Lane", "ObjDetect", "Enable"), names(code.inputs()));
        assertEquals(params("Frequency", 30.0), code.params(), "wired from the top-level constant");

        assertEquals(List.of("Inp-0", "E"), names(block(c, "screen").inputs()));
        assertTrue(block(c, "screen").outputs().isEmpty());

        assertEquals(1, c.comments().size());
        assertEquals("Some code to combine images\nand compute hough lines", c.comments().get(0).text());
        assertEquals(192.0, c.comments().get(0).width());
        assertEquals(128.0, c.comments().get(0).height());

        List<String> codes = c.blocks().stream().map(Block::code).toList();
        List<String> source = sourceCodes("vc2/lanedetection.vc");
        assertEquals(Set.copyOf(source), Set.copyOf(codes), "every code text is kept exactly");
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("VC2 API")), () -> "notes: " + r.notes());
        assertTrue(r.notes().stream().anyMatch(n -> n.startsWith("VC2 package 'Blur'")), () -> "notes: " + r.notes());
    }

    @Test
    void shouldKeepTheLaneDetectionLayoutShape() throws Exception {
        Circuit c = imported("vc2/lanedetection.vc").circuit();
        // Drawn left to right in the original: streamer, blur, edge detector on one row.
        assertTrue(block(c, "videostreamer").x() < block(c, "blur").x());
        assertTrue(block(c, "blur").x() < block(c, "edgedetector").x());
        assertEquals(block(c, "blur").y(), block(c, "edgedetector").y());
        double minX = c.blocks().stream().mapToDouble(Block::x).min().orElseThrow();
        double minY = c.blocks().stream().mapToDouble(Block::y).min().orElseThrow();
        assertEquals(40.0, Math.min(minX, c.comments().get(0).x()));
        assertEquals(40.0, Math.min(minY, c.comments().get(0).y()));
    }

    @Test
    void shouldImportTheVc2ReadTemplateWithItsPositionalPorts() throws Exception {
        VcImport.Result r = imported("vc2/Read.vc");
        Block b = block(r.circuit(), "read");
        assertEquals("Read", r.circuit().name());
        assertEquals(List.of("Inp-0", "E"), names(b.inputs()));
        assertTrue(b.outputs().isEmpty());
        assertEquals(params("Frequency", 30.0), b.params());
        assertEquals("#Your code here", b.code());
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("1 wire(s) with an empty end")), () -> "" + r.notes());
    }

    @Test
    void shouldImportTheVc2WriteTemplateWithItsFrequencyAsRate() throws Exception {
        Block b = block(imported("vc2/Write.vc").circuit(), "write");
        assertEquals(List.of("E"), names(b.inputs()));
        assertEquals(List.of("Out-0"), names(b.outputs()));
        assertEquals(10.0, b.rate());
        assertEquals("", b.code());
    }

    @Test
    void shouldImportEverySampleWithUniqueIdsAndWiresBetweenExistingPorts() throws Exception {
        for (String sample : ALL_SAMPLES) {
            Circuit c = imported(sample).circuit();
            Set<String> ids = c.blocks().stream().map(Block::id).collect(Collectors.toSet());
            assertEquals(c.blocks().size(), ids.size(), sample + ": duplicate ids");
            c.wires().forEach(w -> {
                Block from = block(c, w.from().block());
                Block to = block(c, w.to().block());
                assertTrue(names(from.outputs()).contains(w.from().port()), sample + ": " + w);
                assertTrue(names(to.inputs()).contains(w.to().port()), sample + ": " + w);
            });
            assertTrue(ids.stream().allMatch(id -> id.matches("[a-z][a-z0-9_]*")), sample + ": " + ids);
        }
    }
}
