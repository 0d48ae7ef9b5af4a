package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.Circuit;
import io.visualcircuit.runtime.circuit.Problem;
import io.visualcircuit.runtime.circuit.Validator;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts circuits. {@link #start} checks the circuit, creates one shared-memory segment per wired
 * output, writes the values of blocks without a process (constants, sliders, switches, buttons),
 * starts one OS process per computing block (a lean JVM running {@code BlockMain} for Java blocks,
 * python3 running the block host for code blocks), waits until every process has reported ready
 * (or failed), and only then lets them all take their first step together, so that no block
 * publishes values before the blocks that read them can take them. Stateless; may be called from any thread, for any number of runs at once.
 */
public final class CircuitRunner {
    private CircuitRunner() {
    }

    /**
     * Makes the class-data-sharing archive of Java block processes now when it is missing, instead
     * of in the background during the first run (used by the start-up benchmark). Blocks the
     * calling thread up to {@code timeout}.
     *
     * @return true when block JVMs will start with the archive; false when it is disabled or the
     *         JVM cannot archive this classpath (for example classes in folders, as in a
     *         development build), in which case blocks use the JDK's default archive
     */
    public static boolean prepareJavaBlocks(RunOptions options, java.time.Duration timeout) {
        if (!options.classDataSharing()) {
            return false;
        }
        return new BlockJvm(options.java(), true).prepareArchive(timeout.toMillis());
    }

    /** Starts {@code circuit} with default options. */
    public static Run start(Circuit circuit) {
        return start(circuit, RunOptions.defaults());
    }

    /**
     * Starts {@code circuit}. The circuit is a snapshot: later edits of the document do not touch
     * the run.
     *
     * @throws RunException when the circuit is invalid (with the validation messages), when a
     *                      block cannot run on this machine (Python or numpy missing, named in the
     *                      message), or when the run's folder or wires cannot be created
     */
    public static Run start(Circuit circuit, RunOptions options) {
        List<String> errors = new ArrayList<>();
        for (Problem p : Validator.validate(circuit, options.catalog())) {
            if (p.isError()) {
                errors.add(p.message());
            }
        }
        RunPlan plan = RunPlan.of(circuit, options.catalog(), options.overrides());
        if (errors.isEmpty()) {
            errors.addAll(plan.problems());
        }
        if (!errors.isEmpty()) {
            throw new RunException("The circuit cannot run:\n  " + String.join("\n  ", errors), errors, null, null);
        }
        return LocalRun.start(circuit, plan, options);
    }
}
