package io.visualcircuit.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;

/**
 * The top command of {@code ./vcircuit}. Holds the runtime's subcommands; the editor's entry point
 * ({@code io.visualcircuit.app.VcircuitMain}) adds its own ({@code edit}, editor benchmarks) to the
 * tree that {@link #commandLine()} returns. Used from the main thread only.
 */
@Command(name = "vcircuit",
        mixinStandardHelpOptions = true,
        versionProvider = VcircuitCommand.Version.class,
        description = "VisualCircuit for the desktop: edit, check and run block circuits.",
        subcommands = {ValidateCommand.class, BlocksCommand.class, BenchCommand.class})
public final class VcircuitCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** Without a subcommand, the runtime alone has nothing to do but explain itself. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * The complete runtime command tree, ready to {@code execute(args)}. Errors inside a command are
     * printed as one line (a stack trace only with {@code VC_DEBUG=1}) and give exit code 2.
     */
    public static CommandLine commandLine() {
        CommandLine root = new CommandLine(new VcircuitCommand());
        CommandLine bench = root.getSubcommands().get("bench");

        // ---- Commands defined in other runtime packages: register each with one line here. ----
        root.addSubcommand(new RunCommand());
        bench.addSubcommand(new io.visualcircuit.runtime.bench.StartupBench());
        bench.addSubcommand(new io.visualcircuit.runtime.bench.WiresBench());
        // ---- end of registrations ----

        if (bench.getSubcommands().isEmpty()) {
            bench.getCommandSpec().usageMessage().footer("", "No benchmarks are built into this version.");
        }
        root.setExecutionExceptionHandler(VcircuitCommand::reportFailure);
        return root;
    }

    private static int reportFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        err.println(cl.getCommandName() + ": " + message);
        if (System.getenv("VC_DEBUG") != null) {
            e.printStackTrace(err);
        } else {
            err.println("(set VC_DEBUG=1 for the details of this failure)");
        }
        err.flush();
        return 2;
    }

    /** The project version, written into the runtime jar at build time. */
    public static String version() {
        try (InputStream in = VcircuitCommand.class.getResourceAsStream("/io/visualcircuit/runtime/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "unknown");
            return v.startsWith("${") ? "unknown" : v;
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Prints the version for {@code --version}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "vcircuit " + version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
            };
        }
    }
}
