package io.visualcircuit.ipc;

import java.nio.file.Path;

/**
 * Child process that owns a run with two wires and then waits to be killed. Prints
 * {@code segments NAME NAME TOKEN}.
 *
 * <p>usage: RunOwnerMain RUN_DIRECTORY
 */
public final class RunOwnerMain {
    private RunOwnerMain() {
    }

    public static void main(String[] args) throws Exception {
        RunSegments run = RunSegments.create(Path.of(args[0]));
        run.createWire("a", 64).writeDouble(1);
        run.createWire("b", 64).writeString("b");
        System.out.println("segments " + run.segmentName("a") + " " + run.segmentName("b") + " " + run.token());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
