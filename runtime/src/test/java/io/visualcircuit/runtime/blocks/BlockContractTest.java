package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Execution;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.PortSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The type ids, port names and parameter names of the core library are a contract with circuit
 * files: each block must read exactly the inputs and parameters the catalog declares for it and
 * write only {@code out}.
 */
class BlockContractTest {

    @TempDir
    static Path dir;

    /** type | inputs | parameters, as the block library documents them. */
    private static final List<String> CONTRACT = List.of(
            "sine | | frequency amplitude offset phase",
            "square | | frequency amplitude duty",
            "ramp | | slope start",
            "step | | time before after",
            "noise | | amplitude seed",
            "counter | | start step",
            "clock | | period",
            "text | | value",
            "add | a b |", "subtract | a b |", "multiply | a b |", "divide | a b |", "min | a b |", "max | a b |",
            "gain | in | k",
            "abs | in |",
            "derivative | in |",
            "clamp | in | low high",
            "compare | a b | op",
            "expression | a b c d | formula",
            "integrator | in | initial",
            "moving-average | in | window",
            "low-pass | in | cutoff",
            "and | a b |", "or | a b |", "xor | a b |", "not | in |",
            "rising-edge | in |", "toggle | in |", "delay | in | seconds",
            "pid | setpoint measurement | kp ki kd min max",
            "plant | in | gain tau",
            "format | a b c | template",
            "test-pattern | | width height",
            "image-file | | path",
            "grayscale | in |",
            "threshold | in | level");

    static Stream<Arguments> contract() {
        return CONTRACT.stream().map(line -> {
            String[] parts = line.split("\\|", -1);
            return Arguments.of(parts[0].trim(), names(parts[1]), names(parts[2]));
        });
    }

    private static Set<String> names(String s) {
        return s.isBlank() ? Set.of() : new TreeSet<>(Arrays.asList(s.trim().split("\\s+")));
    }

    @Test
    void shouldDescribeEveryLibraryType() {
        Set<String> described = new HashSet<>();
        contract().forEach(a -> described.add((String) a.get()[0]));
        assertEquals(BlockLibrary.types(), described);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void shouldAgreeWithTheCatalog(String type, Set<String> inputs, Set<String> params) {
        BlockType t = Catalog.standard().find(type).orElseThrow(() -> new AssertionError(type + " is not in the catalog"));
        assertEquals(Execution.JAVA_PROCESS, t.execution());
        assertEquals(inputs, names(t.inputs().stream().map(PortSpec::name)), "inputs of " + type);
        assertEquals(Set.of("out"), names(t.outputs().stream().map(PortSpec::name)), "outputs of " + type);
        assertEquals(params, names(t.params().stream().map(ParamSpec::name)), "parameters of " + type);
    }

    @Test
    void shouldLetTheCatalogOfferNoLargerTestPatternThanTheBlockDraws() {
        BlockType t = Catalog.standard().find("test-pattern").orElseThrow();
        for (String side : List.of("width", "height")) {
            assertEquals((double) ImageBlocks.MAX_SIDE, t.param(side).orElseThrow().max(), side);
        }
    }

    @Test
    void shouldKeepTheClockTickingAtTheSmallestPeriodTheCatalogAllows() {
        double period = Catalog.standard().find("clock").orElseThrow().param("period").orElseThrow().min();
        BlockHarness h = BlockHarness.of("clock").param("period", period).start();
        Set<Boolean> seen = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            seen.add(h.step(period / 4).bool());
        }
        assertEquals(Set.of(true, false), seen);
    }

    private static Set<String> names(Stream<String> s) {
        return s.collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("contract")
    void shouldUseExactlyTheDocumentedPortAndParameterNames(String type, Set<String> inputs, Set<String> params)
            throws IOException {
        Set<String> paramsRead = new TreeSet<>();
        Map<String, Object> paramValues = new HashMap<>();
        if (type.equals("expression")) {
            paramValues.put("formula", "a+b+c+d");
        }
        if (type.equals("format")) {
            paramValues.put("template", "{a} {b} {c}");
        }
        if (type.equals("image-file")) {
            Path png = dir.resolve("contract.png");
            ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", png.toFile());
            paramValues.put("path", png.toString());
        }
        Params recordingParams = name -> {
            paramsRead.add(name);
            return paramValues.get(name);
        };
        Set<String> inputsRead = new TreeSet<>();
        Object value = type.equals("grayscale") || type.equals("threshold")
                ? new ImageFrame(1, 1, 3, new byte[3]) : (Object) 1.0;
        Inputs recordingInputs = new Inputs() {
            @Override
            public Object get(String port) {
                inputsRead.add(port);
                return value;
            }

            @Override
            public boolean isNew(String port) {
                inputsRead.add(port);
                return true;
            }
        };
        Set<String> written = new TreeSet<>();
        Outputs recordingOutputs = (port, v) -> written.add(port);
        BlockHarness.FakeContext context = new BlockHarness.FakeContext("contract");

        JavaBlock block = BlockLibrary.create(type);
        block.setup(context);
        block.step(recordingInputs, recordingOutputs, recordingParams);
        context.advance(2.0); // past the default times of step and delay
        block.step(recordingInputs, recordingOutputs, recordingParams);
        block.teardown();

        assertEquals(inputs, inputsRead, "inputs of " + type);
        assertEquals(params, paramsRead, "parameters of " + type);
        assertEquals(Set.of("out"), written, "outputs of " + type);
    }
}
