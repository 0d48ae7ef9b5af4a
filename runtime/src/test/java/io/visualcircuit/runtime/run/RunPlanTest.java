package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.ParamSpec;
import io.visualcircuit.runtime.circuit.ParamType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunPlanTest {

    @Test
    void shouldLayerDefaultsBlockValuesAndOverrides() {
        Circuit c = TestCircuits.circuit().block("s", "sine", null, "amplitude", 3.0).build();
        RunPlan plan = RunPlan.of(c, Catalog.standard(), Map.of("s", Map.of("frequency", "4")));
        Map<String, Object> p = plan.block("s").params();
        assertEquals(3.0, p.get("amplitude"), "the block's own value");
        assertEquals(4.0, p.get("frequency"), "the override, as a number");
        assertEquals(0.0, p.get("offset"), "the catalog default");
        assertEquals(Catalog.standard().find("sine").orElseThrow().defaultRate(), plan.block("s").rate());
        assertTrue(plan.problems().isEmpty(), plan.problems().toString());
    }

    @Test
    void shouldShareOneSegmentBetweenFanOutWires() {
        Circuit c = TestCircuits.circuit().block("s", "sine", null).block("a", "display", null)
                .block("b", "display", null).wire("s.out", "a.in").wire("s.out", "b.in").build();
        RunPlan plan = RunPlan.of(c, Catalog.standard(), Map.of());
        assertEquals(List.of("s.out"), List.copyOf(plan.wires().keySet()));
        assertEquals(2, plan.wires().get("s.out").wires().size());
        assertEquals("s.out", plan.sourceOf("b", "in"));
        assertNull(plan.sourceOf("s", "in"));
    }

    @Test
    void shouldListWhatWouldStopTheRun() {
        Circuit c = TestCircuits.circuit().block("s", "sine", null).block("d", "display", null)
                .wire("s.out", "d.nope").wire("s.out", "ghost.in").build();
        List<String> problems = RunPlan.of(c, Catalog.standard(), Map.of("s", Map.of("warp", 1.0), "x", Map.of()))
                .problems();
        assertTrue(problems.stream().anyMatch(p -> p.contains("no input 'nope'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("does not exist")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no parameter 'warp'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("no block 'x'")), problems.toString());
    }

    @ParameterizedTest
    @CsvSource({
            "number, 2.5, 2.5",
            "number, ' 1e3 ', 1000.0",
            "integer, 7, 7",
            "integer, 7.0, 7",
            "boolean, false, false",
            "boolean, True, true",
            "string, 12, 12"})
    void shouldCoerceTextToTheParameterType(String type, String text, String expected) {
        ParamSpec spec = new ParamSpec("p", ParamType.valueOf(type.toUpperCase()), null, null, null, null, List.of(), null);
        Object v = RunPlan.coerce(text, spec, null);
        assertEquals(expected, String.valueOf(v));
        assertEquals(switch (type) {
            case "number" -> Double.class;
            case "integer" -> Long.class;
            case "boolean" -> Boolean.class;
            default -> String.class;
        }, v.getClass());
    }

    @Test
    void shouldCoerceCodeBlockParametersLikeTheirCurrentValue() {
        assertEquals(3.0, RunPlan.coerce("3", null, 1.0));
        assertEquals(4L, RunPlan.coerce("4", null, 2L));
        assertEquals(false, RunPlan.coerce("false", null, true));
        assertEquals("3", RunPlan.coerce("3", null, "text"));
        assertEquals(2.5, RunPlan.coerce(2.5, null, "text"), "a number given as a number stays one");
        assertThrows(IllegalArgumentException.class, () -> RunPlan.coerce("4.5", null, 2L));
        assertThrows(IllegalArgumentException.class, () -> RunPlan.coerce(Double.NaN, null, 1.0));
    }

    @ParameterizedTest
    @CsvSource({
            "number, fast, 'must be a number, not the text \"fast\"'",
            "number, NaN, 'must be a finite number, not NaN'",
            "integer, 2.5, 'must be a whole number, not 2.5'",
            "boolean, off, 'must be true or false, not the text \"off\"'",
            "boolean, 1, 'must be true or false, not the text \"1\"'"})
    void shouldRefuseValuesOfTheWrongKindWithTheEditorsReason(String type, String text, String reason) {
        ParamSpec spec = new ParamSpec("p", ParamType.valueOf(type.toUpperCase()), null, null, null, null, List.of(), null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunPlan.coerce(text, spec, null));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldRefuseChoicesOutsideTheListAndNumbersOutsideTheRange() {
        ParamSpec choice = new ParamSpec("op", ParamType.CHOICE, "<", null, null, null, List.of("<", ">"), null);
        assertThrows(IllegalArgumentException.class, () -> RunPlan.coerce("~", choice, null));
        ParamSpec duty = ParamSpec.number("duty", 0.5, null, null).withRange(0.0, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RunPlan.coerce("1.5", duty, null));
        assertEquals("must be from 0 to 1, not 1.5", e.getMessage());
    }

    @Test
    void shouldReportAnOverrideThatDoesNotFitAsAProblemOfItsBlock() {
        Circuit c = TestCircuits.circuit().block("s", "sine", null).build();
        List<String> problems = RunPlan.of(c, Catalog.standard(), Map.of("s", Map.of("frequency", "fast"))).problems();
        assertEquals(List.of("block 's', parameter 'frequency': must be a number, not the text \"fast\""), problems);
    }
}
