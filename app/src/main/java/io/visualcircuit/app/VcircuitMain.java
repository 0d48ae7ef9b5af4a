package io.visualcircuit.app;

import io.visualcircuit.app.cli.EditCommand;
import io.visualcircuit.app.cli.EditorBenchCommand;
import io.visualcircuit.runtime.cli.VcircuitCommand;
import picocli.CommandLine;

import java.util.logging.Logger;

/**
 * Entry point of {@code ./vcircuit}: the runtime's command tree plus the editor application's
 * commands. With no arguments it opens the editor.
 */
public final class VcircuitMain {
    /**
     * JavaFX's own logger. Held here so the filter below stays installed (java.util.logging keeps
     * loggers only weakly).
     */
    private static final Logger JAVAFX_LOG = Logger.getLogger("javafx");

    private VcircuitMain() {
    }

    public static void main(String[] args) {
        // The launcher puts JavaFX on the class path, which JavaFX warns about at every start; the
        // editor is tested and shipped that way, so the warning only alarms users.
        JAVAFX_LOG.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
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
