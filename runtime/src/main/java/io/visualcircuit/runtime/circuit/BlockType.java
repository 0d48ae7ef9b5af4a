package io.visualcircuit.runtime.circuit;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog entry: what a block of this type looks like and how it runs.
 *
 * @param id          the type id used in files, such as {@code "sine"}
 * @param category    the palette group, such as {@code "Sources"}
 * @param ports       fixed ports; empty for code blocks, whose ports are declared per block
 * @param defaultRate the rate in Hz used when a block gives none (30 unless the type says otherwise)
 * @param codeBlock   true when blocks of this type declare their own ports, params and code
 */
public record BlockType(
        String id,
        String category,
        String description,
        List<PortSpec> ports,
        List<ParamSpec> params,
        Execution execution,
        double defaultRate,
        boolean codeBlock) {

    public BlockType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(category, "category");
        description = description == null ? "" : description;
        ports = ports == null ? List.of() : List.copyOf(ports);
        params = params == null ? List.of() : List.copyOf(params);
        Objects.requireNonNull(execution, "execution");
    }

    public List<PortSpec> inputs() {
        return ports.stream().filter(p -> p.direction() == Direction.IN).toList();
    }

    public List<PortSpec> outputs() {
        return ports.stream().filter(p -> p.direction() == Direction.OUT).toList();
    }

    public Optional<ParamSpec> param(String name) {
        return params.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
