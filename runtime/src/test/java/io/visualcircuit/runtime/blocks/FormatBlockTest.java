package io.visualcircuit.runtime.blocks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatBlockTest {

    private static String format(String template, Object a, Object b, Object c) {
        BlockHarness h = BlockHarness.of("format").param("template", template);
        if (a != null) {
            h.input("a", a);
        }
        if (b != null) {
            h.input("b", b);
        }
        if (c != null) {
            h.input("c", c);
        }
        return (String) h.start().out();
    }

    @Test
    void shouldSubstituteInputsIntoTemplate() {
        assertEquals("speed 3.5 m/s", format("speed {a} m/s", 3.5, null, null));
        assertEquals("x=1 y=true z=go", format("x={a} y={b} z={c}", 1.0, true, "go"));
        assertEquals("1 1 1", format("{a} {a} {a}", 1.0, null, null));
    }

    @Test
    void shouldShowMissingInputsAsQuestionMark() {
        assertEquals("speed ? m/s", format("speed {a} m/s", null, null, null));
        assertEquals("2 and ?", format("{a} and {b}", 2.0, null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{a:.2f}      | 3.14",
        "{a:.0f}      | 3",
        "{ a }        | 3.14159",
        "{a:x}        | {a:x}",
        "{a:.99f}     | {a:.99f}",
        "{x}          | {x}",
        "{{a}}        | {a}",
        "{{{a}}}      | {3.14159}",
        "}{           | }{",
        "{a           | {a",
        "100%         | 100%"})
    void shouldFollowTemplateRules(String template, String expected) {
        assertEquals(expected, format(template, 3.14159, null, null));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"3.0, 3", "-0.0, 0", "0.25, 0.25", "1e20, 1.0E20", "NaN, NaN", "Infinity, Infinity"})
    void shouldShowWholeNumbersWithoutDecimalPoint(double value, String expected) {
        assertEquals(expected, FormatBlock.render(value, -1));
    }

    @Test
    void shouldDescribeArraysAndImages() {
        assertEquals("[1, 2.5, -3]", FormatBlock.render(new double[] {1, 2.5, -3}, -1));
        assertEquals("[0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ...]", FormatBlock.render(new double[20], -1));
        assertEquals("image 2x3x1", FormatBlock.render(new ImageFrame(2, 3, 1, new byte[6]), -1));
        assertEquals("NaN", FormatBlock.render(Double.NaN, 2));
        assertEquals("on", FormatBlock.render("on", 2), "decimals only apply to numbers");
    }

    @Test
    void shouldFollowLiveTemplateEditsAndNewValues() {
        BlockHarness h = BlockHarness.of("format").param("template", "{a} V").input("a", 1.0).start();
        assertEquals("1 V", h.out());
        h.param("template", "{a} volts").input("a", 2.0).step(0.1);
        assertEquals("2 volts", h.out());
    }

    @Test
    void shouldShowInputAByDefault() {
        assertEquals("7", BlockHarness.of("format").input("a", 7.0).start().out());
    }
}
