package io.visualcircuit.runtime.circuit;

/** How a block of some type is run when the circuit runs. */
public enum Execution {
    /** A lean JVM process running {@code io.visualcircuit.runtime.BlockMain}. */
    JAVA_PROCESS,
    /** A python3 process running the user's code with the VisualCircuit API. */
    PYTHON_PROCESS,
    /**
     * No process: the runtime or the editor reads or writes the block's wires directly
     * (constants, displays, plots, lamps, image views, sliders, switches, buttons).
     */
    NONE
}
