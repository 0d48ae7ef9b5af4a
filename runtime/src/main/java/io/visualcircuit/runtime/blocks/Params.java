package io.visualcircuit.runtime.blocks;

/**
 * A block's parameter values, with the catalog's defaults filled in. May change between steps
 * when the user edits a parameter of a running block, so read them in every step rather than
 * caching them in setup.
 */
public interface Params {
    /** The raw value, or null when neither the block nor the catalog gives one. */
    Object get(String name);

    default double number(String name, double otherwise) {
        Object v = get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
        return otherwise;
    }

    default boolean bool(String name, boolean otherwise) {
        Object v = get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            return Boolean.parseBoolean(s.trim());
        }
        return otherwise;
    }

    default String string(String name, String otherwise) {
        Object v = get(name);
        return v == null ? otherwise : v.toString();
    }
}
