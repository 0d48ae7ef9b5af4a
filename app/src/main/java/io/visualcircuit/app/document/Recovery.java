package io.visualcircuit.app.document;

import io.visualcircuit.runtime.circuit.Circuit;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Work found in an autosave file at start-up, left by an editor that did not close cleanly.
 *
 * @param key          names the autosave inside the settings folder; pass the recovery to
 *                     {@link DocumentStore#discardRecovery(Recovery)} once handled
 * @param circuit      the circuit as last autosaved
 * @param originalFile the file the work belonged to, or null when it was never saved
 * @param savedAt      when the autosave was written
 */
public record Recovery(String key, Circuit circuit, Path originalFile, Instant savedAt) {
    public Recovery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(circuit, "circuit");
        Objects.requireNonNull(savedAt, "savedAt");
    }
}
