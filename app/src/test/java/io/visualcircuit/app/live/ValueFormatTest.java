package io.visualcircuit.app.live;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValueFormatTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "0, 0",
            "42, 42",
            "-7, -7",
            "3.14159, 3.142",
            "0.5, 0.5",
            "123.456, 123.46",
            "1234.56, 1234.6",
            "0.00123, 1.23e-3",
            "123456789, 1.23e8",
            "-0.25, -0.25",
            "NaN, NaN",
            "Infinity, +inf",
    })
    void shouldFormatNumbersCompactly(double value, String expected) {
        assertEquals(expected, ValueFormat.number(value));
    }

    @ParameterizedTest(name = "{0}/s -> {1}")
    @CsvSource({"0, 0/s", "30, 30/s", "499.6, 500/s", "1500, 1.5k/s", "25000, 25k/s"})
    void shouldFormatRates(double rate, String expected) {
        assertEquals(expected, ValueFormat.rate(rate));
    }

    @org.junit.jupiter.api.Test
    void shouldLabelEveryKindOfValue() {
        assertEquals("true", ValueFormat.label(new LiveValue.Bool(true)));
        assertEquals("\"hello\"", ValueFormat.label(new LiveValue.Text("hello")));
        assertEquals("\"a very long strin…\"", ValueFormat.label(new LiveValue.Text("a very long string indeed")));
        assertEquals("[3x4]", ValueFormat.label(new LiveValue.Array(new int[] {3, 4}, new double[12])));
        assertEquals("320x240", ValueFormat.label(new LiveValue.Image(240, 320, 3, new byte[0])));
        assertEquals("64x48 gray", ValueFormat.label(new LiveValue.Image(48, 64, 1, new byte[0])));
        assertEquals("", ValueFormat.label(null));
    }
}
