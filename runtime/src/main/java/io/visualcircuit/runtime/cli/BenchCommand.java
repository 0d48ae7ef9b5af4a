package io.visualcircuit.runtime.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code vcircuit bench}: the parent of the benchmark commands, which are registered in
 * {@link VcircuitCommand#commandLine()} and the editor's entry point. It has no action of its own.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure performance (each benchmark is a subcommand).")
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "choose a benchmark: " + (spec.subcommands().isEmpty() ? "none are available"
                        : String.join(", ", spec.subcommands().keySet())));
    }
}
