package io.visualcircuit.runtime.vc;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

class VcValuesTest {

    @ParameterizedTest(name = "frequency \"{0}\" runs at {1} Hz")
    @CsvSource(delimiter = '|', value = {
            "30      | 30",
            "1k      | 1000",
            "1K      | 1000",
            "0       | 30",
            "''      | 30",
            "2.5m    | 0.0025",
            "10k     | 10000",
            "15.5    | 15.5",
            "' 12 '  | 12",
            "10Hz    | 10",
            "1 kHz   | 1000",
            ".5      | 0.5",
            "1e2     | 100",
            "0.0     | 30",
            "0k      | 30",
    })
    void shouldReadFrequencyTextAsVisualCircuitDoes(String text, double hz) {
        VcValues.Rate rate = VcValues.rate(text);
        assertEquals(hz, rate.hz(), 1e-12);
        assertNull(rate.problem());
    }

    @Test
    void shouldUseThirtyHertzWhenTheFrequencyIsMissing() {
        assertEquals(30.0, VcValues.rate(null).hz());
        assertNull(VcValues.rate(null).problem());
    }

    @ParameterizedTest(name = "frequency \"{0}\" is capped to 10 kHz with a note")
    @ValueSource(strings = {"2M", "10001", "11k"})
    void shouldCapFrequenciesAboveTenKilohertzWithANote(String text) {
        VcValues.Rate rate = VcValues.rate(text);
        assertEquals(10_000.0, rate.hz());
        assertNotNull(rate.problem());
    }

    @ParameterizedTest(name = "frequency \"{0}\" falls back to 30 Hz with a note")
    @ValueSource(strings = {"fast", "-5", "5x", "1e999", "k", "1.2.3"})
    void shouldFallBackToThirtyHertzAndSayWhyForUnreadableFrequencies(String text) {
        VcValues.Rate rate = VcValues.rate(text);
        assertEquals(30.0, rate.hz());
        assertNotNull(rate.problem());
    }

    @ParameterizedTest(name = "constant \"{0}\" becomes {1}")
    @CsvSource(delimiter = '|', value = {
            "127            | Long   | 127",
            "-3             | Long   | -3",
            "1.0            | Double | 1.0",
            "-3.5e2         | Double | -350.0",
            "0.25           | Double | 0.25",
            "5,5            | String | 5,5",
            "Gaussian       | String | Gaussian",
            "/robot/cmd_vel | String | /robot/cmd_vel",
            "007            | String | 007",
            "NaN            | String | NaN",
            "Infinity       | String | Infinity",
            "0x10           | String | 0x10",
            "+5             | String | +5",
            "1e999          | String | 1e999",
            "99999999999999999999 | Double | 1.0E20",
    })
    void shouldTurnOnlyPlainNumbersIntoNumbers(String text, String javaType, String shown) {
        Object value = VcValues.constantValue(text);
        assertEquals(javaType, value.getClass().getSimpleName());
        assertEquals(shown, value.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    void shouldGiveEmptyTextForAConstantWithoutValue(String text) {
        assertEquals("", VcValues.constantValue(text));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "PID              | pid",
            "Lower Threshold  | lower_threshold",
            "ObjectDetector   | objectdetector",
            "  Path to File!  | path_to_file",
            "3D view          | block_3d_view",
            "'...'            | block",
            "Ünïcode-Name     | n_code_name",
    })
    void shouldMakeReadableIdsFromNames(String name, String id) {
        assertEquals(id, VcValues.slug(name, "block"));
    }

    @Test
    void shouldNumberRepeatedIds() {
        Set<String> used = new HashSet<>();
        assertEquals("blur", VcValues.unique("blur", used));
        assertEquals("blur_1", VcValues.unique("blur", used));
        assertEquals("blur_2", VcValues.unique("blur", used));
        assertEquals("screen", VcValues.unique("screen", used));
    }
}
