package io.visualcircuit.runtime.circuit;

import java.util.Locale;

/** The data type a port carries. Its JSON name is the lower-case constant name. */
public enum PortType {
    NUMBER, BOOLEAN, STRING, ARRAY, IMAGE, ANY;

    /** The name used in circuit files and the catalog, e.g. {@code "number"}. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a file name such as {@code "image"}; returns null when it names no type. */
    public static PortType fromJson(String name) {
        if (name == null) {
            return null;
        }
        for (PortType t : values()) {
            if (t.jsonName().equals(name)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Whether a wire may carry values from an output of this type into an input of type {@code input}.
     * {@code any} on either end accepts everything; otherwise the types must match.
     */
    public boolean canFeed(PortType input) {
        return this == ANY || input == ANY || this == input;
    }
}
