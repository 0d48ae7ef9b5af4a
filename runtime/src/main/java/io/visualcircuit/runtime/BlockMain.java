package io.visualcircuit.runtime;

import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.runtime.blocks.BlockLibrary;
import io.visualcircuit.runtime.blocks.JavaBlock;
import io.visualcircuit.runtime.host.BlockLoop;
import io.visualcircuit.runtime.host.BlockSpec;
import io.visualcircuit.runtime.host.ControlChannel;
import io.visualcircuit.runtime.host.ControlMessages;
import io.visualcircuit.runtime.host.ParentDeath;
import io.visualcircuit.runtime.host.ReadyReport;
import io.visualcircuit.runtime.host.Training;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point of a Java block process: {@code java io.visualcircuit.runtime.BlockMain SPEC-FILE}.
 * The runtime starts one such lean JVM (no JavaFX on its classpath) per Java block, hands it a
 * {@link BlockSpec} file and talks to it over stdin and stdout (see {@link ControlMessages}).
 *
 * <p>Exit codes: 0 after a requested stop, {@link ControlMessages#EXIT_BLOCK_FAILED} when the
 * block's code threw (the stack trace goes to stderr, a one-line summary to the runtime),
 * {@link ControlMessages#EXIT_SETUP_FAILED} when the block could not start at all, and
 * {@link ControlMessages#EXIT_RUNTIME_GONE} when the runtime died.
 */
public final class BlockMain {
    /** Argument of the run that trains the class-data-sharing archive of block processes. */
    public static final String TRAIN_ARGUMENT = "--train";
    /** Argument of the run that only checks that the JVM starts (with a given archive). */
    public static final String CHECK_ARGUMENT = "--check";
    /**
     * System property that makes a block process also arm the kernel's parent-death signal (see
     * {@link ParentDeath}); off by default because the end of stdin already ends an orphaned block
     * and binding libc for the signal costs more CPU than the rest of a block's start.
     */
    public static final String PARENT_DEATH_SIGNAL_PROPERTY = "visualcircuit.parentDeathSignal";

    private BlockMain() {
    }

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals(TRAIN_ARGUMENT)) {
            // As a block does, so that the class-data archive holds what this loads.
            ignoreInterrupt();
            Training.run();
            return;
        }
        if (args.length == 1 && args[0].equals(CHECK_ARGUMENT)) {
            return;
        }
        if (args.length != 1) {
            fail(ControlMessages.EXIT_SETUP_FAILED, "usage: BlockMain SPEC-FILE");
        }
        BlockSpec spec;
        try {
            spec = BlockSpec.read(Path.of(args[0]));
        } catch (IOException e) {
            fail(ControlMessages.EXIT_SETUP_FAILED, "cannot read the block's spec: " + e.getMessage());
            return;
        }
        ignoreInterrupt();
        if (Boolean.getBoolean(PARENT_DEATH_SIGNAL_PROPERTY)) {
            armParentDeath(spec.parentPid());
        }
        // The no-orphan guarantee: this thread halts the process when stdin ends, which happens
        // however the runtime dies (even kill -9), or at once if it died before this point.
        ControlChannel control = ControlChannel.start(System.in, spec.params());
        JavaBlock block;
        try {
            block = BlockLibrary.create(spec.type());
        } catch (RuntimeException e) {
            fail(ControlMessages.EXIT_SETUP_FAILED, "no Java block of type '" + spec.type() + "': " + e.getMessage());
            return;
        }
        try (BlockLoop loop = new BlockLoop(spec, block, control)) {
            try {
                if (spec.blockingWires()) {
                    WireReader.prepareBlockingWaits();
                }
                loop.open();
            } catch (RuntimeException e) {
                fail(ControlMessages.EXIT_SETUP_FAILED, "cannot attach to its wires: " + e.getMessage());
            }
            loop.run(new ReadyReport(System.out));
        } catch (Throwable t) {
            System.err.println("Block " + spec.blockId() + " (" + spec.type() + ") failed:");
            t.printStackTrace();
            fail(ControlMessages.EXIT_BLOCK_FAILED, summary(t));
        }
        System.out.flush();
        System.exit(0);
    }

    /**
     * Ctrl+C in a terminal signals every process of the foreground group, blocks included; the
     * runtime catches it and stops the blocks in order, so a block must not die of it first (it
     * would look like a crash).
     */
    @SuppressWarnings("removal")
    private static void ignoreInterrupt() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
        } catch (IllegalArgumentException | LinkageError e) {
            // No such signal here; nothing to ignore.
        }
    }

    /**
     * Arms the parent-death signal on a second thread, when asked for with
     * {@link #PARENT_DEATH_SIGNAL_PROPERTY}: binding libc costs tens of milliseconds that the
     * block's own start-up can use meanwhile. Should the runtime die in that window, the check
     * after arming (and the end of stdin) still ends this process.
     */
    private static void armParentDeath(long parentPid) {
        Thread t = new Thread(() -> {
            if (!ParentDeath.arm(parentPid)) {
                Runtime.getRuntime().halt(ControlMessages.EXIT_RUNTIME_GONE);
            }
        }, "vc-parent-death");
        t.setDaemon(true);
        t.start();
    }

    static String summary(Throwable t) {
        String m = t.getMessage();
        String s = t.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.strip());
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0) {
            s += " (at " + st[0].getClassName().substring(st[0].getClassName().lastIndexOf('.') + 1)
                    + "." + st[0].getMethodName() + (st[0].getLineNumber() > 0 ? ":" + st[0].getLineNumber() : "") + ")";
        }
        return s.replace('\n', ' ');
    }

    private static void fail(int code, String message) {
        System.err.println(message);
        System.err.println(ControlMessages.ERROR_PREFIX + message.replace('\n', ' '));
        System.err.flush();
        System.out.flush();
        System.exit(code);
    }
}
