package io.visualcircuit.app.canvas;

import io.visualcircuit.runtime.circuit.BlockType;
import io.visualcircuit.runtime.circuit.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class BlockIconsTest {

    @ParameterizedTest
    @CsvSource({
        "sine, Sources, sine",
        "python, Code, code",
        "or, Logic, logic",
        "format, Text, text",
        "clamp, Math, math",
        "lamp, Sinks, display",
        "slider, Sinks, control",
        "image-view, Image, image",
        "made-up, Nowhere, default"})
    void shouldPickTheIconByTypeThenByKeyword(String type, String category, String icon) {
        assertEquals(icon, BlockIcons.standard().iconName(type, category));
    }

    @Test
    void shouldHaveDrawablePathDataForEveryCatalogType() {
        for (BlockType t : Catalog.standard().types()) {
            String d = BlockIcons.standard().pathFor(t.id(), t.category());
            assertNotNull(d);
            assertFalse(d.isBlank(), t.id());
            assertEquals('M', d.charAt(0), t.id() + " icon starts with a move");
        }
    }
}
