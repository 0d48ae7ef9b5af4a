package io.visualcircuit.runtime.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real command tree in-process and captures what a user would see. */
record CommandRunner(int exitCode, String out, String err) {

    static CommandRunner run(String... args) {
        CommandLine cl = VcircuitCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CommandRunner(code, out.toString(), err.toString());
    }
}
