package io.visualcircuit.runtime.host;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TypedValuesTest {

    static Stream<Object> values() {
        return Stream.of(1.5, -0.0, 1e300, 42L, true, false, "plain", "", "tab\there", "two\nlines",
                "back\\slash", "crlf\r\n", "unicode é ✓", "d:looks encoded");
    }

    @ParameterizedTest
    @MethodSource("values")
    void shouldRoundTripEveryValueKeepingItsType(Object value) {
        String encoded = TypedValues.encode(value);
        assertFalse(encoded.contains("\n") || encoded.contains("\t"), "one field on one line: " + encoded);
        Object back = TypedValues.decode(encoded);
        assertEquals(value, back);
        assertEquals(value.getClass(), back.getClass());
    }

    @Test
    void shouldEncodeIntegersAsLongs() {
        assertEquals(7L, TypedValues.decode(TypedValues.encode(7)));
    }

    @Test
    void shouldRejectTextItDidNotProduce() {
        assertThrows(IllegalArgumentException.class, () -> TypedValues.decode("x"));
        assertThrows(IllegalArgumentException.class, () -> TypedValues.decode("q:1"));
        assertThrows(NumberFormatException.class, () -> TypedValues.decode("d:abc"));
    }

    @Test
    void shouldBuildSetLinesWithEscapedNames() {
        assertEquals("set\tk\td:2.0", ControlMessages.setLine("k", 2.0));
        assertEquals("set\ta\\tb\ts:x\\ny", ControlMessages.setLine("a\tb", "x\ny"));
    }
}
