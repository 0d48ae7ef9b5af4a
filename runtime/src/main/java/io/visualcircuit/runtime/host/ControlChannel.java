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
 * runtime's commands from stdin, raises the stop flag and applies parameter changes. End of stdin
 * means the runtime has died (its end of the pipe closed with it), so the process halts at once.
 *
 * <p>Threads: the reader thread writes; the block's stepping thread reads {@link #stopRequested()}
 * and the live parameter map, which is concurrent.
 */
public final class ControlChannel {
    private final Map<String, Object> params;
    private volatile boolean stopRequested;
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

    /** A channel without a runtime behind it, for the archive training run; stop with {@link #requestStop}. */
    public static ControlChannel detached(Map<String, Object> initialParams) {
        return new ControlChannel(initialParams);
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
        if (line.equals(ControlMessages.STOP)) {
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
