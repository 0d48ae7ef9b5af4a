package io.visualcircuit.runtime.run;

import java.util.Locale;

/** What the runtime does when a block process crashes. */
public enum RestartPolicy {
    /** A crashed block stays crashed; the rest of the circuit keeps running. */
    NEVER,
    /**
     * A crashed block is started again on the same wires after a back-off that doubles with each
     * consecutive crash (from a quarter of a second up to ten seconds). A normal exit is not restarted.
     */
    ON_FAILURE;

    /** The command-line spelling: {@code never} or {@code on-failure}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code never} or {@code on-failure}; throws IllegalArgumentException otherwise. */
    public static RestartPolicy parse(String text) {
        for (RestartPolicy p : values()) {
            if (p.cliName().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown restart policy '" + text + "' (use never or on-failure)");
    }
}
