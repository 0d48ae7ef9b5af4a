package io.visualcircuit.runtime.format;

import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.SourceMap;

import java.util.List;
import java.util.Objects;

/**
 * A circuit read from a file, with the warnings met while reading it (unknown fields, import notes)
 * and where each part was written, for {@link io.visualcircuit.runtime.circuit.Validator}.
 * Immutable.
 */
public record LoadResult(Circuit circuit, List<Problem> warnings, SourceMap sourceMap) {
    public LoadResult {
        Objects.requireNonNull(circuit, "circuit");
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        sourceMap = sourceMap == null ? SourceMap.empty() : sourceMap;
    }
}
