package io.visualcircuit.app;

import io.visualcircuit.app.cli.EditCommand;
import io.visualcircuit.app.cli.EditorBenchCommand;
import io.visualcircuit.runtime.cli.VcircuitCommand;
import picocli.CommandLine;

/**
 * Entry point of {@code ./vcircuit}: the runtime's command tree plus the editor application's
 * commands. With no arguments it opens the editor.
 */
public final class VcircuitMain {
    private VcircuitMain() {
    }

    public static void main(String[] args) {
        String[] effective = args.length == 0 ? new String[] {"edit"} : args;
        System.exit(commandLine().execute(effective));
    }

    /** The full command tree. The editor application's commands are registered here, one line each. */
    public static CommandLine commandLine() {
        CommandLine root = VcircuitCommand.commandLine();
        CommandLine bench = root.getSubcommands().get("bench");
        root.addSubcommand(new EditCommand());
        bench.addSubcommand(new EditorBenchCommand());
        bench.addSubcommand(new io.visualcircuit.app.live.LiveBenchCommand());
        return root;
    }
}
