package io.visualcircuit.runtime.run;

import io.visualcircuit.runtime.host.ControlMessages;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Supervises the OS process of one computing block: starts it, captures its stdout and stderr line
 * by line, talks to it over its stdin (see {@link ControlMessages}), works out how it ended, and
 * restarts it when its policy says so.
 *
 * <p>Threads: each incarnation of the process has two reader threads and one waiter thread, all
 * owned by this object. Processes are always spawned on the run's launcher threads, which live as
 * long as the run, because the kernel's parent-death signal (armed by Python blocks, and by Java
 * blocks when asked for) follows the thread that forked the child, not the whole runtime process. Public methods may be called from any thread; state is
 * guarded by {@code this}, and listeners are called without holding it.
 */
final class BlockProcess {

    /** Where the supervisor reports; called on supervision threads. */
    interface Events {
        void stateChanged(BlockStatus status);

        void logLine(LogLine line);
    }

    private static final long BACKOFF_FIRST_MS = 250;
    private static final long BACKOFF_MAX_MS = 10_000;
    private static final long HEALTHY_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String blockId;
    private final List<String> command;
    private final Path workDir;
    private final Map<String, String> environment;
    private final BlockLog log;
    private final Events events;
    private final RestartPolicy policy;
    private final ExecutorService launcher;
    private final ScheduledExecutorService scheduler;
    private final Runnable beforeRestart;

    private Process process;
    private OutputStream control;
    private BlockStatus status;
    private boolean stopRequested;
    private boolean runEnding;
    /** True once the whole circuit got past the start barrier: every later ready gets its go at once. */
    private boolean released;
    /** Whether the current incarnation was sent its go. */
    private boolean goSent;
    private String lastError;
    private int consecutiveCrashes;
    private long startedNanos;
    private ScheduledFuture<?> pendingRestart;
    private CompletableFuture<BlockStatus> ready = new CompletableFuture<>();
    private CompletableFuture<BlockStatus> ended = CompletableFuture.completedFuture(null);

    BlockProcess(String blockId, List<String> command, Path workDir, Map<String, String> environment, BlockLog log,
                 Events events, RestartPolicy policy, ExecutorService launcher, ScheduledExecutorService scheduler,
                 Runnable beforeRestart) {
        this.blockId = blockId;
        this.command = List.copyOf(command);
        this.workDir = workDir;
        this.environment = Map.copyOf(environment);
        this.log = log;
        this.events = events;
        this.policy = policy;
        this.launcher = launcher;
        this.scheduler = scheduler;
        this.beforeRestart = beforeRestart;
        this.status = new BlockStatus(blockId, BlockState.STARTING, null, null, null, -1);
    }

    String blockId() {
        return blockId;
    }

    BlockLog log() {
        return log;
    }

    synchronized BlockStatus status() {
        return status;
    }

    /** Spawns the process on a launcher thread and returns a future completed once it is ready or gone. */
    CompletableFuture<BlockStatus> launch() {
        CompletableFuture<BlockStatus> r;
        synchronized (this) {
            ready = new CompletableFuture<>();
            r = ready;
        }
        launcher.submit(this::spawn);
        return r;
    }

    private void spawn() {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().putAll(environment);
        Process started = null;
        CompletableFuture<BlockStatus> r;
        BlockStatus s;
        synchronized (this) {
            r = ready;
            if (runEnding) {
                r.complete(status);
                return;
            }
            try {
                started = pb.start();
            } catch (IOException e) {
                lastError = "could not start " + command.get(0) + ": " + e.getMessage();
            }
            if (started == null) {
                s = setStatus(new BlockStatus(blockId, BlockState.CRASHED, null, null, lastError, -1));
            } else {
                Process p = started;
                process = p;
                control = p.getOutputStream();
                stopRequested = false;
                goSent = false;
                lastError = null;
                startedNanos = System.nanoTime();
                ended = new CompletableFuture<>();
                s = setStatus(new BlockStatus(blockId, BlockState.STARTING, null, null, null, p.pid()));
            }
        }
        if (started == null) {
            runtimeLine(s.error());
            publish(s);
            r.complete(s);
            return;
        }
        publish(s);
        Process p = started;
        Thread out = reader(p.getInputStream(), LogLine.Stream.STDOUT, p, r);
        Thread err = reader(p.getErrorStream(), LogLine.Stream.STDERR, p, r);
        Thread waiter = new Thread(() -> awaitExit(p, out, err), "vc-wait-" + blockId);
        waiter.setDaemon(true);
        waiter.start();
    }

    private Thread reader(InputStream in, LogLine.Stream stream, Process p, CompletableFuture<BlockStatus> r) {
        Thread t = new Thread(() -> {
            try (BufferedReader br = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = br.readLine()) != null) {
                    if (line.startsWith(ControlMessages.MARK)) {
                        report(line, p, r);
                    } else {
                        events.logLine(log.add(stream, line));
                    }
                }
            } catch (IOException e) {
                // The pipe closes when the process dies; the waiter thread reports how it ended.
            }
        }, "vc-" + stream.name().toLowerCase() + "-" + blockId);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void report(String line, Process p, CompletableFuture<BlockStatus> r) {
        if (line.equals(ControlMessages.READY)) {
            BlockStatus s;
            synchronized (this) {
                if (process != p || status.state() != BlockState.STARTING) {
                    return;
                }
                s = setStatus(new BlockStatus(blockId, BlockState.RUNNING, null, null, null, p.pid()));
                if (released) {
                    // A block restarted after the circuit started has nobody else to wait for.
                    sendGo();
                }
            }
            publish(s);
            r.complete(s);
        } else if (line.startsWith(ControlMessages.ERROR_PREFIX)) {
            String message = line.substring(ControlMessages.ERROR_PREFIX.length());
            synchronized (this) {
                lastError = message;
            }
        }
    }

    private void awaitExit(Process p, Thread out, Thread err) {
        int code;
        while (true) {
            try {
                code = p.waitFor();
                break;
            } catch (InterruptedException e) {
                // Supervision threads are never interrupted on purpose; keep waiting for the exit.
            }
        }
        try {
            // Let the readers drain what the block wrote just before it ended (the traceback).
            out.join(1000);
            err.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        BlockStatus s;
        CompletableFuture<BlockStatus> r;
        CompletableFuture<BlockStatus> e;
        boolean restart = false;
        long delay = 0;
        synchronized (this) {
            if (process != p) {
                return;
            }
            Integer signal = code > 128 && code <= 128 + 64 ? code - 128 : null;
            BlockState state;
            String error = null;
            if (stopRequested || runEnding) {
                state = BlockState.STOPPED;
            } else if (code == 0) {
                state = BlockState.EXITED;
            } else {
                state = BlockState.CRASHED;
                if (lastError != null) {
                    error = lastError;
                } else if (signal != null) {
                    error = "killed by signal " + signalName(signal);
                } else {
                    error = "exited with code " + code;
                }
            }
            s = setStatus(new BlockStatus(blockId, state, code, signal, error, p.pid()));
            process = null;
            control = null;
            r = ready;
            e = ended;
            if (state == BlockState.CRASHED && policy == RestartPolicy.ON_FAILURE && !runEnding) {
                if (System.nanoTime() - startedNanos > HEALTHY_AFTER_NANOS) {
                    consecutiveCrashes = 0;
                }
                consecutiveCrashes++;
                delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS << Math.min(consecutiveCrashes - 1, 16));
                restart = true;
            }
        }
        runtimeLine(describe(s));
        // Futures first: a listener that stops the run from this thread must find this block ended.
        r.complete(s);
        e.complete(s);
        publish(s);
        if (restart) {
            runtimeLine("restarting in " + delay + " ms (restart policy on-failure)");
            synchronized (this) {
                pendingRestart = scheduler.schedule(this::restartAfterCrash, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    private void restartAfterCrash() {
        synchronized (this) {
            pendingRestart = null;
            if (runEnding || process != null) {
                return;
            }
        }
        try {
            beforeRestart.run();
        } catch (RuntimeException e) {
            markFailed("cannot restart: " + e.getMessage());
            return;
        }
        launch();
    }

    private static String describe(BlockStatus s) {
        return switch (s.state()) {
            case STOPPED -> "stopped";
            case EXITED -> "exited with code 0";
            case CRASHED -> "crashed: " + s.error();
            default -> s.state().name().toLowerCase();
        };
    }

    static String signalName(int signal) {
        return switch (signal) {
            case 1 -> "SIGHUP";
            case 2 -> "SIGINT";
            case 4 -> "SIGILL";
            case 6 -> "SIGABRT";
            case 7 -> "SIGBUS";
            case 8 -> "SIGFPE";
            case 9 -> "SIGKILL";
            case 11 -> "SIGSEGV";
            case 13 -> "SIGPIPE";
            case 15 -> "SIGTERM";
            default -> "signal " + signal;
        };
    }

    /** Sends one control line to the block; silently ignored when the process is gone. */
    void send(String line) {
        synchronized (this) {
            if (control == null) {
                return;
            }
            try {
                control.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                control.flush();
            } catch (IOException e) {
                // The block is exiting; its waiter thread will report how.
            }
        }
    }

    /**
     * Opens the start barrier for this block: sends {@code go} now if it is ready, and makes every
     * later incarnation (a restart) get it as soon as it reports ready. Called by the run once
     * every block of the circuit reported ready or failed.
     */
    void release() {
        synchronized (this) {
            released = true;
            if (process != null && status.state() == BlockState.RUNNING) {
                sendGo();
            }
        }
    }

    /** Sends {@code go} once per incarnation; the caller holds the lock. */
    private void sendGo() {
        if (!goSent) {
            goSent = true;
            send(ControlMessages.GO);
        }
    }

    /** First step of stopping: no more restarts, and a cooperative request to the block. */
    void requestStop(boolean forGood) {
        synchronized (this) {
            if (forGood) {
                runEnding = true;
            }
            stopRequested = true;
            if (pendingRestart != null) {
                pendingRestart.cancel(false);
                pendingRestart = null;
            }
            if (status.state() == BlockState.CRASHED && forGood) {
                // Keep the crash visible: a stopped run still shows which block failed.
                return;
            }
        }
        send(ControlMessages.STOP);
    }

    /** SIGTERM when the process is still alive. */
    void terminate() {
        Process p = current();
        if (p != null && p.isAlive()) {
            p.destroy();
        }
    }

    /** SIGKILL when the process is still alive. */
    void kill() {
        Process p = current();
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
        }
    }

    synchronized Process current() {
        return process;
    }

    /** Waits until the current incarnation's exit was handled; true if it was within the time. */
    boolean awaitEnded(long timeoutNanos) {
        CompletableFuture<BlockStatus> e;
        synchronized (this) {
            e = ended;
        }
        try {
            e.get(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException ex) {
            return false;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException ex) {
            return true;
        }
    }

    /** Stops this block the whole way (cooperative, SIGTERM, SIGKILL), waiting up to {@code grace} per step. */
    void stopFully(long graceNanos, boolean forGood) {
        requestStop(forGood);
        if (awaitEnded(graceNanos)) {
            return;
        }
        terminate();
        if (awaitEnded(graceNanos)) {
            return;
        }
        kill();
        awaitEnded(TimeUnit.SECONDS.toNanos(5));
    }

    /** Marks a block that never got a process because start failed or timed out. */
    void markFailed(String error) {
        BlockStatus s;
        synchronized (this) {
            lastError = error;
            s = setStatus(new BlockStatus(blockId, BlockState.CRASHED, null, null, error,
                    process == null ? -1 : process.pid()));
        }
        runtimeLine(error);
        publish(s);
    }

    /** Adds a line of the runtime's own to the block's log (and tells the listeners). */
    void note(String text) {
        runtimeLine(text);
    }

    private void runtimeLine(String text) {
        events.logLine(log.add(LogLine.Stream.RUNTIME, text));
    }

    /** Records a new status; the caller holds the lock and publishes it after releasing it. */
    private BlockStatus setStatus(BlockStatus s) {
        status = s;
        return s;
    }

    /**
     * Tells the listeners, never while holding this object's lock: a listener may call back into
     * the run (even stop it) from the supervision thread.
     */
    private void publish(BlockStatus s) {
        events.stateChanged(s);
    }
}
