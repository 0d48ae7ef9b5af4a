package io.visualcircuit.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdGeneratorTest {

    @ParameterizedTest(name = "{0} with {1} taken -> {2}")
    @CsvSource(delimiter = '|', value = {
        "sine        | ''            | sine1",
        "sine        | sine1         | sine2",
        "sine        | sine1 sine3   | sine2",
        "Image View  | ''            | image_view1",
        "---         | ''            | block1",
    })
    void shouldMakeTypeBasedIds(String type, String taken, String expected) {
        assertEquals(expected, IdGenerator.freshBlockId(type, Set.of(taken.isBlank() ? new String[0] : taken.split(" "))));
    }

    @ParameterizedTest(name = "{0} with {1} taken -> {2}")
    @CsvSource(delimiter = '|', value = {
        "sine1  | sine1 sine2 | sine3",
        "wave   | wave        | wave1",
        "gain12 | gain12      | gain1",
    })
    void shouldMakeIdsLikeAClashingOne(String wanted, String taken, String expected) {
        assertEquals(expected, IdGenerator.freshLike(wanted, Set.of(taken.split(" "))));
    }

    @ParameterizedTest
    @CsvSource({"sine1", "my-block", "_x", "42"})
    void shouldAcceptReadableIds(String id) {
        assertEquals(java.util.Optional.empty(), IdGenerator.invalidIdReason(id));
    }
}
