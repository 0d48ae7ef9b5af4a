package io.visualcircuit.runtime.circuit;

import java.util.List;
import java.util.Objects;

/**
 * A parameter of a block type, as the catalog describes it.
 *
 * @param defaultValue the value used when the file gives none; null means "no default" (for
 *                     example the output limits of {@code pid}, unlimited unless set)
 * @param min          the lowest allowed value for numbers, or null
 * @param max          the highest allowed value for numbers, or null
 * @param unit         a unit shown next to the value, such as {@code "Hz"} or {@code "s"}, or null
 * @param choices      the allowed values of a {@link ParamType#CHOICE}, else empty
 */
public record ParamSpec(
        String name,
        ParamType type,
        Object defaultValue,
        Double min,
        Double max,
        String unit,
        List<String> choices,
        String description) {

    public ParamSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        choices = choices == null ? List.of() : List.copyOf(choices);
        description = description == null ? "" : description;
    }

    public static ParamSpec number(String name, Double def, String unit, String description) {
        return new ParamSpec(name, ParamType.NUMBER, def, null, null, unit, List.of(), description);
    }

    public ParamSpec withRange(Double lo, Double hi) {
        return new ParamSpec(name, type, defaultValue, lo, hi, unit, choices, description);
    }
}
