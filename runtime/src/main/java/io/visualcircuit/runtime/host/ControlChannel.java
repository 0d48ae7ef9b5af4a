package io.visualcircuit.runtime.host;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * The block side of the control channel (see {@link ControlMessages}): a daemon thread reads the
 * runtime's commands from stdin, opens the start barrier on {@code go}, raises the stop flag and
 * applies parameter changes. End of stdin
 * means the runtime has died (its end of the pipe closed with it), so the process halts at once.
 *
 * <p>Threads: the reader thread writes; the block's stepping thread reads {@link #stopRequested()},
 * waits in {@link #awaitGo()}, and reads the live parameter map, which is concurrent.
 */
public final class ControlChannel {
    private final Map<String, Object> params;
    /** How long the stepping thread parks at most between looks at the barrier (a missed wake-up costs no more). */
    private static final long GO_PARK_NANOS = 50_000_000L;

    private volatile boolean stopRequested;
    private volatile boolean go;
    private volatile Thread stepper;

    private ControlChannel(Map<String, Object> initialParams) {
        this.params = new ConcurrentHashMap<>(initialParams);
    }

    /** Starts reading {@code in} on a daemon thread. */
    public static ControlChannel start(InputStream in, Map<String, Object> initialParams) {
        ControlChannel c = new ControlChannel(initialParams);
        Thread t = new Reader(c, in);
        t.setDaemon(true);
        t.start();
        return c;
    }

    /**
     * The reading thread. A named class rather than a lambda: the first lambda of a process sets
     * up the JDK's method-handle machinery, milliseconds of every block's start.
     */
    private static final class Reader extends Thread {
        private final ControlChannel channel;
        private final InputStream in;

        Reader(ControlChannel channel, InputStream in) {
            super("vc-control");
            this.channel = channel;
            this.in = in;
        }

        @Override
        public void run() {
            channel.readLoop(in);
        }
    }

    /**
     * A channel without a runtime behind it (tests of the stepping loop): no start barrier to wait
     * at, since nobody would open it; stop with {@link #requestStop}.
     */
    public static ControlChannel detached(Map<String, Object> initialParams) {
        ControlChannel c = new ControlChannel(initialParams);
        c.go = true;
        return c;
    }

    /** Raises the stop flag as a {@code stop} command would; any thread. */
    public void requestStop() {
        handle(ControlMessages.STOP);
    }

    /** The thread to wake when a stop arrives (the stepping thread), or null. */
    public void wakeOnStop(Thread thread) {
        this.stepper = thread;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Waits at the start barrier until the runtime sends {@code go} or asks to stop; called by the
     * stepping thread, once, after it reported ready. Returns at once when a stop came first (or
     * meanwhile), so a block that never got to step still stops without delay.
     *
     * @return true to start stepping, false when a stop was requested
     */
    public boolean awaitGo() {
        // The waiting thread is the one to wake on go and on stop (it goes on to step).
        stepper = Thread.currentThread();
        while (!go && !stopRequested) {
            LockSupport.parkNanos(this, GO_PARK_NANOS);
        }
        return !stopRequested;
    }

    /** The live parameter values; changed by the runtime while the block runs. */
    public Map<String, Object> params() {
        return params;
    }

    private void readLoop(InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                handle(line);
            }
        } catch (IOException e) {
            // Same as end of input: the runtime is unreachable.
        }
        if (!stopRequested) {
            // The runtime died without asking us to stop: leave no orphan behind, skip teardown.
            Runtime.getRuntime().halt(ControlMessages.EXIT_RUNTIME_GONE);
        }
    }

    private void handle(String line) {
        if (line.equals(ControlMessages.GO)) {
            go = true;
            Thread s = stepper;
            if (s != null) {
                LockSupport.unpark(s);
            }
        } else if (line.equals(ControlMessages.STOP)) {
            stopRequested = true;
            Thread s = stepper;
            if (s != null) {
                // unpark, not interrupt: an interrupt would close any file channel the block has open.
                LockSupport.unpark(s);
            }
        } else if (line.startsWith(ControlMessages.SET + "\t")) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                try {
                    params.put(TypedValues.unescape(f[1]), TypedValues.decode(f[2]));
                } catch (RuntimeException e) {
                    System.err.println("ignored a parameter change the block could not read: " + line);
                }
            }
        }
    }
}
