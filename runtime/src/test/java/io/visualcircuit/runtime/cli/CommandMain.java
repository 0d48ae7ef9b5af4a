package io.visualcircuit.runtime.cli;

/** The runtime's command tree as a program of its own, for tests that need a real process to signal. */
public final class CommandMain {
    private CommandMain() {
    }

    public static void main(String[] args) {
        System.exit(VcircuitCommand.commandLine().execute(args));
    }
}
