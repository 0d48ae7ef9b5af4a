package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.circuit.PortSpec;
import io.visualcircuit.runtime.circuit.PortType;

import java.util.ArrayList;
import java.util.List;

/**
 * A runtime process for {@link NoOrphansTest}: starts a circuit with a Java and a Python block,
 * prints their process ids and the run's segments, then waits to be killed. Its one argument is
 * an extra JVM option for the Java block, or empty.
 */
public final class OrphanRunMain {
    private OrphanRunMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Run run = CircuitRunner.start(TestCircuits.circuit()
                .block("s", "sine", 30.0).block("d", "display", null)
                .python("p", 10.0, List.of(PortSpec.in("in", PortType.NUMBER)), List.of(),
                        "def step(inputs, outputs, parameters):\n    pass\n")
                .wire("s.out", "d.in").wire("s.out", "p.in").build(), TestCircuits.options()
                .withJvmOptions(args.length == 0 || args[0].isEmpty() ? List.of() : List.of(args[0])));
        List<String> segments = new ArrayList<>(run.wires().stream().map(WireInfo::segment).toList());
        run.statsSegment("s").ifPresent(segments::add);
        run.statsSegment("p").ifPresent(segments::add);
        System.out.println("PIDS " + run.state("s").pid() + " " + run.state("p").pid());
        System.out.println("SEGMENTS " + String.join(" ", segments));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
