package io.visualcircuit.app.document;

/**
 * Thrown when an edit cannot be made: the message is a sentence meant for the user, such as
 * "Cannot connect number output to image input" or "Stop the circuit before adding blocks".
 * The document is left exactly as it was.
 */
public class CommandRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandRefusedException(String reason) {
        super(reason);
    }

    public CommandRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The user-readable reason, the same text as {@link #getMessage()}. */
    public String reason() {
        return getMessage();
    }
}
