package io.visualcircuit.runtime.circuit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A block placed in a circuit. Immutable: edits make a new block through the {@code with...} methods.
 *
 * <p>{@code params} keep the order they were written in. Values are {@link Double}, {@link Long},
 * {@link Boolean} or {@link String}, as read from JSON. {@code rate} is in Hz; null means the type's
 * default. {@code inputs}, {@code outputs} and {@code code} are only used by code blocks (type
 * {@code python}), which declare their own ports; for other types they are empty and null.
 */
public record Block(
        String id,
        String type,
        String label,
        double x,
        double y,
        Map<String, Object> params,
        Double rate,
        List<PortSpec> inputs,
        List<PortSpec> outputs,
        String code) {

    public Block {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
        inputs = inputs == null ? List.of() : List.copyOf(inputs);
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
    }

    public static Block of(String id, String type, double x, double y) {
        return new Block(id, type, null, x, y, Map.of(), null, List.of(), List.of(), null);
    }

    /** The text shown as the block's title: its label, or else its id. */
    public String title() {
        return label == null || label.isBlank() ? id : label;
    }

    public Block withId(String newId) {
        return new Block(newId, type, label, x, y, params, rate, inputs, outputs, code);
    }

    public Block withLabel(String newLabel) {
        return new Block(id, type, newLabel, x, y, params, rate, inputs, outputs, code);
    }

    public Block withPosition(double nx, double ny) {
        return new Block(id, type, label, nx, ny, params, rate, inputs, outputs, code);
    }

    public Block withParams(Map<String, Object> newParams) {
        return new Block(id, type, label, x, y, newParams, rate, inputs, outputs, code);
    }

    /** A copy with one parameter set, or removed when {@code value} is null. */
    public Block withParam(String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        if (value == null) {
            p.remove(name);
        } else {
            p.put(name, value);
        }
        return withParams(p);
    }

    public Block withRate(Double newRate) {
        return new Block(id, type, label, x, y, params, newRate, inputs, outputs, code);
    }

    public Block withPorts(List<PortSpec> newInputs, List<PortSpec> newOutputs) {
        return new Block(id, type, label, x, y, params, rate, newInputs, newOutputs, code);
    }

    public Block withCode(String newCode) {
        return new Block(id, type, label, x, y, params, rate, inputs, outputs, newCode);
    }
}
