package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.PortType;

/**
 * A wire of a running circuit as outside readers see it: the source port it carries
 * ({@code "block.port"}), the shared-memory segment name (see {@code ipc/WIRE-FORMAT.md}) and the
 * data type. One segment serves every wire that fans out from the same output.
 */
public record WireInfo(String wire, String segment, PortType type) {
}
