package io.visualcircuit.runtime.circuit;

import java.util.Locale;

/** The kind of value a block parameter holds. Its JSON name is the lower-case constant name. */
public enum ParamType {
    /** A float64; JSON number. */
    NUMBER,
    /** A whole number; JSON integer. */
    INTEGER,
    /** true or false. */
    BOOLEAN,
    /** Free text. */
    STRING,
    /** One of a fixed list of strings ({@link ParamSpec#choices()}). */
    CHOICE,
    /** A file path, as text. */
    PATH;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
