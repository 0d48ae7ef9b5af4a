package io.visualcircuit.app;

/** Entry point of {@code ./vcircuit}. Filled by the command-line work. */
public final class VcircuitMain {
    private VcircuitMain() {
    }

    public static void main(String[] args) {
        System.out.println("VisualCircuit");
    }
}
