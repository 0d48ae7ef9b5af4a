package io.visualcircuit.runtime.circuit;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the parts of a circuit were written in its file, so problems can name a line and column.
 * Blocks, wires and comments are addressed by their index in the circuit's lists (not by id, since
 * a broken file may repeat an id). Every lookup falls back to the nearest enclosing element that has
 * a position, and finally to {@link Position#UNKNOWN} (line 0) for circuits not read from a file.
 * Immutable; safe to share between threads.
 */
public final class SourceMap {
    private static final SourceMap EMPTY = new SourceMap(Map.of());

    private final Map<String, Position> positions;

    private SourceMap(Map<String, Position> positions) {
        this.positions = positions;
    }

    /** A map with no positions, for circuits built in memory or imported from other formats. */
    public static SourceMap empty() {
        return EMPTY;
    }

    /** A 1-based line and column; {@link #UNKNOWN} is 0:0. */
    public record Position(int line, int column) {
        public static final Position UNKNOWN = new Position(0, 0);

        public boolean isKnown() {
            return line > 0;
        }
    }

    /** The start of the document. */
    public Position root() {
        return positions.getOrDefault("", Position.UNKNOWN);
    }

    /** A top-level field of the document, such as {@code "version"}; falls back to the root. */
    public Position rootField(String field) {
        return find("." + field, "");
    }

    /** The opening brace of block {@code index}. */
    public Position block(int index) {
        return find("b" + index, "");
    }

    /** The value of one field of block {@code index}, such as {@code "type"} or {@code "rate"}. */
    public Position blockField(int index, String field) {
        return find("b" + index + "." + field, "b" + index);
    }

    /** The name of parameter {@code name} of block {@code index}. */
    public Position param(int index, String name) {
        return find("b" + index + ".params." + name, "b" + index + ".params", "b" + index);
    }

    /** The declaration of a code block's port, {@code portIndex} in its inputs or outputs list. */
    public Position port(int index, Direction direction, int portIndex) {
        String list = direction == Direction.IN ? "inputs" : "outputs";
        return find("b" + index + "." + list + "." + portIndex, "b" + index + "." + list, "b" + index);
    }

    /** The opening brace of wire {@code index}. */
    public Position wire(int index) {
        return find("w" + index, "");
    }

    /** The value of one field of wire {@code index}: {@code "from"} or {@code "to"}. */
    public Position wireField(int index, String field) {
        return find("w" + index + "." + field, "w" + index);
    }

    /** The opening brace of comment {@code index}. */
    public Position comment(int index) {
        return find("c" + index, "");
    }

    /** The value of one field of comment {@code index}, such as {@code "id"}. */
    public Position commentField(int index, String field) {
        return find("c" + index + "." + field, "c" + index);
    }

    private Position find(String... keys) {
        for (String k : keys) {
            Position p = positions.get(k);
            if (p != null) {
                return p;
            }
        }
        return positions.getOrDefault("", Position.UNKNOWN);
    }

    /** Collects positions while a file is read. Used by one thread, then turned into a map. */
    public static final class Builder {
        private final Map<String, Position> positions = new HashMap<>();

        public Builder root(Position p) {
            positions.put("", p);
            return this;
        }

        public Builder rootField(String field, Position p) {
            positions.put("." + field, p);
            return this;
        }

        public Builder block(int index, Position p) {
            positions.put("b" + index, p);
            return this;
        }

        public Builder blockField(int index, String field, Position p) {
            positions.put("b" + index + "." + field, p);
            return this;
        }

        public Builder param(int index, String name, Position p) {
            positions.put("b" + index + ".params." + name, p);
            return this;
        }

        public Builder port(int index, Direction direction, int portIndex, Position p) {
            String list = direction == Direction.IN ? "inputs" : "outputs";
            positions.put("b" + index + "." + list + "." + portIndex, p);
            return this;
        }

        public Builder wire(int index, Position p) {
            positions.put("w" + index, p);
            return this;
        }

        public Builder wireField(int index, String field, Position p) {
            positions.put("w" + index + "." + field, p);
            return this;
        }

        public Builder comment(int index, Position p) {
            positions.put("c" + index, p);
            return this;
        }

        public Builder commentField(int index, String field, Position p) {
            positions.put("c" + index + "." + field, p);
            return this;
        }

        public SourceMap build() {
            return new SourceMap(Collections.unmodifiableMap(new HashMap<>(positions)));
        }
    }
}
