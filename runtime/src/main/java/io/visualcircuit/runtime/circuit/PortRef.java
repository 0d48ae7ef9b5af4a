package io.visualcircuit.runtime.circuit;

import java.util.Objects;

/**
 * One end of a wire: a block id and a port name, written {@code "block.port"} in files.
 * The block id is everything before the last dot, so ids may contain dots but port names may not.
 */
public record PortRef(String block, String port) {
    public PortRef {
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(port, "port");
    }

    /** Parses {@code "block.port"}; returns null when the text has no dot or an empty side. */
    public static PortRef parse(String text) {
        if (text == null) {
            return null;
        }
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            return null;
        }
        return new PortRef(text.substring(0, dot), text.substring(dot + 1));
    }

    @Override
    public String toString() {
        return block + "." + port;
    }
}
