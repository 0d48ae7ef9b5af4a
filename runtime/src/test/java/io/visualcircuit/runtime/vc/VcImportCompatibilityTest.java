package io.visualcircuit.runtime.vc;

import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.format.CircuitJson;
import io.visualcircuit.runtime.format.LoadResult;
import io.visualcircuit.runtime.circuit.Block;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Imported circuits are ordinary circuits: they validate and survive a save and reload unchanged. */
class VcImportCompatibilityTest {
    static final List<String> SAMPLES = VcImportSamplesTest.ALL_SAMPLES;

    private static void assertValid(Circuit c, String what) {
        List<Problem> errors = Validator.validate(c, Catalog.standard()).stream().filter(Problem::isError).toList();
        assertEquals(List.of(), errors, what + " should import into a valid circuit");
    }

    private static void assertRoundTrips(Circuit c, String what) throws Exception {
        byte[] saved = CircuitJson.write(c);
        LoadResult back = CircuitJson.parse(saved, what + ".json");
        assertEquals(List.of(), back.warnings(), what);
        assertEquals(c, back.circuit(), what + " should read back as the same circuit");
        assertArrayEquals(saved, CircuitJson.write(back.circuit()), what + " should save to the same bytes again");
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void shouldImportEverySampleIntoACircuitWithoutValidationErrors(String sample) throws Exception {
        assertValid(VcImportSamplesTest.imported(sample).circuit(), sample);
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("SAMPLES")
    void shouldSaveAndReloadEveryImportedSampleUnchanged(String sample) throws Exception {
        assertRoundTrips(VcImportSamplesTest.imported(sample).circuit(), sample);
    }

    @Test
    void shouldKeepEveryCodeTextThroughASaveAndReload() throws Exception {
        Circuit c = VcImportSamplesTest.imported("vc2/lanedetection.vc").circuit();
        Circuit back = CircuitJson.parse(CircuitJson.write(c), "lane.json").circuit();
        assertEquals(VcImportSamplesTest.sourceCodes("vc2/lanedetection.vc").stream().sorted().toList(),
                back.blocks().stream().map(b -> b.code()).sorted().toList());
    }

    @Test
    void shouldProduceValidConstantAndTextBlocks() throws Exception {
        VcDoc doc = VcDoc.vc3("Mixed")
                .constant("c1", "Gain", "2.5", true)
                .constant("c2", "Topic", "/robot/cmd_vel", true)
                .code("k", List.of("A", "B"), List.of())
                .wire("c1", "constant-out", "k", "A")
                .wire("c2", "constant-out", "k", "B");
        Circuit c = VcImport.parse(doc.bytes(), "mixed.vc3").circuit();
        assertEquals(List.of("constant", "python", "text"),
                c.blocks().stream().map(b -> b.type()).sorted().toList());
        assertValid(c, "constants wired to inputs");
        assertRoundTrips(c, "constants wired to inputs");
    }

    @Test
    void shouldShipASampleWhosePidBlockIsExactlyTheImportedOne() throws Exception {
        Path sample = Path.of("..", "sample-circuits", "visualcircuit-pid.json");
        LoadResult loaded = CircuitJson.parse(Files.readAllBytes(sample), sample.getFileName().toString());
        assertValid(loaded.circuit(), "the sample");
        Block shipped = loaded.circuit().block("pid").orElseThrow();
        Block imported = VcImportSamplesTest.imported("vc3/PID.vc3").circuit().block("pid").orElseThrow();
        assertEquals(imported.withPosition(shipped.x(), shipped.y()), shipped);
        assertEquals(2, loaded.circuit().wires().size());
    }
}
