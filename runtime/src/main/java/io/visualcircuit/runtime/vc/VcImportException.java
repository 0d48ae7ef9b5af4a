package io.visualcircuit.runtime.vc;

/**
 * A file that cannot be imported at all: not JSON, not a VisualCircuit project, or a package
 * structure that cannot be expanded (a package that contains itself, far too many blocks).
 * Smaller problems inside a readable file never throw; they become notes of the import result.
 *
 * <p>The message is meant for the user and already starts with the file name, and with the line
 * and column when the problem has a place in the file.
 */
public final class VcImportException extends Exception {
    private final String file;
    private final int line;
    private final int column;
    private final String detail;

    /**
     * @param file   the file name as shown to the user
     * @param line   1-based line, or 0 when unknown
     * @param column 1-based column, or 0 when unknown
     * @param detail what is wrong, without the file name
     */
    public VcImportException(String file, int line, int column, String detail) {
        super(format(file, line, column, detail));
        this.file = file;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    private static String format(String file, int line, int column, String detail) {
        StringBuilder sb = new StringBuilder(file == null ? "<input>" : file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(detail).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when it has no single place in the file. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** What is wrong, without the file name and place (for callers that print those themselves). */
    public String detail() {
        return detail;
    }
}
