package io.visualcircuit.app;

import io.visualcircuit.runtime.cli.VcircuitCommand;

/** Entry point of {@code ./vcircuit}: the runtime's command tree plus the editor's commands. */
public final class VcircuitMain {
    private VcircuitMain() {
    }

    public static void main(String[] args) {
        System.exit(VcircuitCommand.commandLine().execute(args));
    }
}
