package io.visualcircuit.runtime.circuit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ParamCheckTest {
    private static final ParamSpec GAIN = ParamSpec.number("k", 1.0, null, "").withRange(-10.0, 10.0);
    private static final ParamSpec FREQUENCY = ParamSpec.number("frequency", 1.0, "Hz", "").withRange(0.0, null);
    private static final ParamSpec LIMIT = ParamSpec.number("limit", null, null, "").withRange(null, 5.0);
    private static final ParamSpec DEVICE =
            new ParamSpec("device", ParamType.INTEGER, 0L, 0.0, 9.0, null, List.of(), "");
    private static final ParamSpec SEED = new ParamSpec("seed", ParamType.INTEGER, 0L, null, null, null, List.of(), "");
    private static final ParamSpec MIRROR = new ParamSpec("mirror", ParamType.BOOLEAN, false, null, null, null, null, "");
    private static final ParamSpec MODE =
            new ParamSpec("mode", ParamType.CHOICE, "rgb", null, null, null, List.of("rgb", "gray"), "");
    private static final ParamSpec TITLE = new ParamSpec("title", ParamType.STRING, "", null, null, null, null, "");

    private static ParamSpec spec(String name) {
        return switch (name) {
            case "k" -> GAIN;
            case "frequency" -> FREQUENCY;
            case "limit" -> LIMIT;
            case "device" -> DEVICE;
            case "seed" -> SEED;
            case "mirror" -> MIRROR;
            case "mode" -> MODE;
            case "title" -> TITLE;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "k         | 2.5    | 2.5",
        "k         | ' 7 '  | 7.0",
        "k         | -10    | -10.0",
        "device    | 3      | 3",
        "device    | 4.0    | 4",
        "seed      | 1e6    | 1000000",
        "mirror    | TRUE   | true",
        "mirror    | ' false' | false",
        "mode      | gray   | gray",
        "title     | ' a b ' | ' a b '",
    })
    void shouldReadTypedTextAsTheParametersType(String name, String text, String stored) {
        Object v = ParamCheck.coerce(spec(name), text);
        assertEquals(stored, String.valueOf(v));
        Class<?> expected = switch (spec(name).type()) {
            case NUMBER -> Double.class;
            case INTEGER -> Long.class;
            case BOOLEAN -> Boolean.class;
            default -> String.class;
        };
        assertEquals(expected, v.getClass());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
        "k         | 11     | must be from -10 to 10, not 11",
        "k         | -10.5  | must be from -10 to 10, not -10.5",
        "k         | abc    | must be a number, not the text \"abc\"",
        "k         | NaN    | must be a finite number, not NaN",
        "k         | 1e400  | must be a finite number, not Infinity",
        "frequency | -1     | must be at least 0 Hz, not -1",
        "limit     | 6      | must be at most 5, not 6",
        "device    | 1.5    | must be a whole number, not 1.5",
        "device    | ten    | must be a whole number, not the text \"ten\"",
        "device    | 10     | must be from 0 to 9, not 10",
        "seed      | 1e17   | must be from -9007199254740992 to 9007199254740992, not 1.0E17",
        "mirror    | yes    | must be true or false, not the text \"yes\"",
        "mode      | hsv    | must be one of \"rgb\", \"gray\", not the text \"hsv\"",
    })
    void shouldRefuseTypedTextThatDoesNotFit(String name, String text, String reason) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParamCheck.coerce(spec(name), text));
        assertEquals(reason, e.getMessage());
    }

    @Test
    void shouldCheckStoredValuesStrictly() {
        assertEquals(Optional.empty(), ParamCheck.problem(GAIN, 2.0));
        assertEquals(Optional.empty(), ParamCheck.problem(GAIN, 2L), "a whole number fits a number parameter");
        assertEquals(Optional.of("must be a number, not the text \"2\""), ParamCheck.problem(GAIN, "2"),
                "in a file, text is not read as a number");
        assertEquals(Optional.empty(), ParamCheck.problem(DEVICE, 4.0), "4.0 is a whole number");
        assertEquals(Optional.of("must be true or false, not the text \"true\""), ParamCheck.problem(MIRROR, "true"));
        assertEquals(Optional.of("must be text, not 3"), ParamCheck.problem(TITLE, 3.0));
        assertEquals(Optional.of("must be text, not nothing"), ParamCheck.problem(TITLE, null));
        assertEquals(Optional.of("must be a whole number, not true"), ParamCheck.problem(DEVICE, true));
    }

    @Test
    void shouldKeepWholeNumbersExactWhenCoercing() {
        assertEquals(9_007_199_254_740_992L, ParamCheck.coerce(SEED, 9_007_199_254_740_992L));
        assertEquals(-3L, ParamCheck.coerce(SEED, -3));
        assertEquals(3.0, ParamCheck.coerce(GAIN, 3L));
    }
}
