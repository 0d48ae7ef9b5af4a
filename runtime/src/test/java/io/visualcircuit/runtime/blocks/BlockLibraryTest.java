package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Execution;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlockLibraryTest {

    static Set<String> types() {
        return BlockLibrary.types();
    }

    @Test
    void shouldOfferEveryComputingTypeOfTheCoreLibrary() {
        assertEquals(Set.of("sine", "square", "ramp", "step", "noise", "counter", "clock", "text",
                "add", "subtract", "multiply", "divide", "min", "max", "gain", "abs", "derivative", "clamp",
                "compare", "expression", "integrator", "moving-average", "low-pass",
                "and", "or", "xor", "not", "rising-edge", "toggle", "delay", "pid", "plant", "format",
                "test-pattern", "image-file", "grayscale", "threshold"), BlockLibrary.types());
    }

    @ParameterizedTest
    @ValueSource(strings = {"constant", "display", "lamp", "plot", "slider", "switch", "button", "image-view", "python"})
    void shouldLeaveOutTypesThatRunNoJavaProcess(String type) {
        assertFalse(BlockLibrary.types().contains(type));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockLibrary.create(type));
        assertTrue(e.getMessage().contains("'" + type + "'"), e.getMessage());
    }

    @Test
    void shouldNameTheUnknownTypeInTheError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BlockLibrary.create("sinus"));
        assertTrue(e.getMessage().contains("unknown block type 'sinus'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BlockLibrary.create(null));
    }

    @ParameterizedTest
    @MethodSource("types")
    void shouldCreateAFreshBlockOnEveryCall(String type) {
        assertNotSame(BlockLibrary.create(type), BlockLibrary.create(type));
    }

    /** Every type but image-file, which needs a file (its error is tested with the image blocks). */
    static Stream<String> typesRunnableOnDefaults() {
        return BlockLibrary.types().stream().filter(t -> !t.equals("image-file"));
    }

    @ParameterizedTest
    @MethodSource("typesRunnableOnDefaults")
    void shouldRunWithoutParametersOrInputs(String type) {
        BlockHarness h = BlockHarness.of(type).start();
        h.steps(5, 0.02);
        Set<String> writeWithoutInputs = Set.of("sine", "square", "ramp", "step", "noise", "counter", "clock",
                "text", "test-pattern", "format", "toggle", "plant");
        assertEquals(writeWithoutInputs.contains(type), h.wrote(),
                "sources, format, toggle and plant write without inputs; the others wait for a value");
    }

    @Test
    void shouldOfferExactlyTheTypesTheCatalogRunsAsJavaProcesses() {
        Set<String> javaTypes = Catalog.standard().types().stream()
                .filter(t -> t.execution() == Execution.JAVA_PROCESS)
                .map(BlockType::id)
                .collect(Collectors.toSet());
        assertEquals(javaTypes, BlockLibrary.types());
    }
}
