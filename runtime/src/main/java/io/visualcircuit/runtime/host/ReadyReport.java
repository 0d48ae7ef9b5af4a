package io.visualcircuit.runtime.host;

import java.io.PrintStream;

/**
 * Tells the runtime that a block process is ready: prints {@link ControlMessages#READY} on the
 * process's stdout. Given to {@link BlockLoop#run} as its ready callback, so it runs on the stepping
 * thread, once. A named class rather than a lambda, like everything on a block's start-up path:
 * the first lambda of a process sets up the JDK's method-handle machinery, and a class the
 * class-data archive holds (the training run uses this one too) spares opening the jar.
 */
public final class ReadyReport implements Runnable {
    private final PrintStream out;

    public ReadyReport(PrintStream out) {
        this.out = out;
    }

    @Override
    public void run() {
        out.println(ControlMessages.READY);
        out.flush();
    }
}
