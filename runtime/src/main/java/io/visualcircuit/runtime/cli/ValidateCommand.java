package io.visualcircuit.runtime.cli;

import io.visualcircuit.runtime.circuit.Catalog;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;
import io.visualcircuit.runtime.format.CircuitFiles;
import io.visualcircuit.runtime.format.CircuitFormatException;
import io.visualcircuit.runtime.format.LoadResult;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code vcircuit validate FILE...}: prints every problem of every file as
 * {@code FILE:LINE:COLUMN: message} on standard output and a summary on standard error. Exits 1 when
 * any file has an error, else 0 (warnings alone do not fail).
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check circuit files and print each problem as FILE:LINE:COLUMN: message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every file is valid (warnings may be printed)", "1:a file has errors",
                        "2:wrong command-line usage"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Circuit files (.json, or VisualCircuit .vc3/.vc).")
    private List<Path> files = new ArrayList<>();

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int errors = 0;
        int warnings = 0;
        for (Path file : files) {
            List<Problem> problems = problemsOf(file);
            for (Problem p : problems) {
                out.println(p.format(file.toString()));
                if (p.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        out.flush();
        err.println(summary(files.size(), errors, warnings));
        err.flush();
        return errors > 0 ? 1 : 0;
    }

    /** Reading problems, or else import notes and validation problems, in file order. */
    static List<Problem> problemsOf(Path file) {
        List<Problem> problems = new ArrayList<>();
        try {
            LoadResult r = CircuitFiles.read(file);
            problems.addAll(r.warnings());
            problems.addAll(Validator.validate(r.circuit(), Catalog.standard(), r.sourceMap()));
        } catch (CircuitFormatException e) {
            problems.addAll(e.problems());
        }
        problems.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return problems;
    }

    private static String summary(int files, int errors, int warnings) {
        if (errors == 0 && warnings == 0) {
            return files == 1 ? "valid" : "all " + files + " files are valid";
        }
        return count(errors, "error") + ", " + count(warnings, "warning") + " in " + count(files, "file");
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
