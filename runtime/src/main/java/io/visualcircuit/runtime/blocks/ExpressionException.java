package io.visualcircuit.runtime.blocks;

/**
 * A formula of the {@code expression} block that cannot be understood. The message names the
 * problem and its 1-based column, for example {@code unexpected ')' at column 7}, so the editor
 * can show it next to the parameter.
 */
public final class ExpressionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final int column;

    public ExpressionException(String problem, int column) {
        super(problem + " at column " + column);
        this.column = column;
    }

    /** The 1-based column of the first character the parser could not accept. */
    public int column() {
        return column;
    }
}
