package io.visualcircuit.runtime.host;

import io.visualcircuit.ipc.SampleBuffer;
import io.visualcircuit.ipc.WireReader;
import io.visualcircuit.ipc.WireWriter;
import io.visualcircuit.runtime.blocks.BlockContext;
import io.visualcircuit.runtime.blocks.ImageFrame;
import io.visualcircuit.runtime.blocks.Inputs;
import io.visualcircuit.runtime.blocks.JavaBlock;
import io.visualcircuit.runtime.blocks.Outputs;
import io.visualcircuit.runtime.blocks.Params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The stepping loop of a Java block process: attaches to the block's wires, calls
 * {@link JavaBlock#setup}, reports ready, waits for the runtime's {@code go} (the start barrier,
 * see {@link ControlMessages}), steps at the block's rate (or on every new input value
 * when the rate is 0), publishes its stats, and calls {@link JavaBlock#teardown} once the runtime
 * asks it to stop.
 *
 * <p>Input values are read into one reusable {@link SampleBuffer} per port, so an image input of
 * steady size costs one copy out of shared memory per new frame and no allocation but the small
 * {@link ImageFrame} record. Ownership: the pixel array of an input frame belongs to the loop and
 * is overwritten by a later frame of the same size, but only between steps, on the stepping
 * thread; during a step the frame a block sees never changes. A block must not change its input
 * frames, and one that keeps a frame beyond the step that received it (to compare or delay it)
 * must copy the pixels. A new frame always comes as a new {@code ImageFrame} object, so blocks may
 * tell frames apart by identity.
 *
 * <p>Threads: everything runs on the thread that calls {@link #run}, except, for an event-driven
 * block with several wired inputs, one waiter thread per input that blocks on its wire (without
 * reading it) and wakes the stepping thread.
 */
public final class BlockLoop implements AutoCloseable {
    /** How long an event-driven block waits for input before it looks at its stop flag and stats again. */
    private static final long IDLE_WAIT_NANOS = 100_000_000L;

    private final BlockSpec spec;
    private final JavaBlock block;
    private final ControlChannel control;
    private final List<Port> inputs = new ArrayList<>();
    private final Map<String, Port> inputsByName = new HashMap<>();
    private final Map<String, WireWriter> outputs = new HashMap<>();
    private final List<AutoCloseable> resources = new ArrayList<>();
    private WireWriter stats;

    /**
     * An input port: its reader (null when unwired), the buffer values are read into, its latest
     * value and whether it is new this step. Used by the stepping thread only.
     */
    private static final class Port {
        final String name;
        final WireReader reader;
        final SampleBuffer buffer = new SampleBuffer();
        long lastSeq;
        Object value;
        boolean fresh;

        Port(String name, WireReader reader) {
            this.name = name;
            this.reader = reader;
        }

        /** Takes a value newer than the last one, if there is one; never blocks. */
        boolean poll() {
            return reader.readIfNewer(lastSeq, buffer) && accept();
        }

        /** Waits up to {@code timeoutNanos} for a newer value and takes it. */
        boolean await(long timeoutNanos) {
            return reader.await(lastSeq, timeoutNanos, buffer) && accept();
        }

        private boolean accept() {
            if (buffer.sequence() <= lastSeq) {
                return false;
            }
            lastSeq = buffer.sequence();
            value = buffer.isImage()
                    ? new ImageFrame(buffer.height(), buffer.width(), buffer.channels(), buffer.pixels())
                    : WireValues.toObject(buffer.value());
            fresh = true;
            return true;
        }
    }

    public BlockLoop(BlockSpec spec, JavaBlock block, ControlChannel control) {
        this.spec = spec;
        this.block = block;
        this.control = control;
    }

    /** Attaches to every wire of the block; a missing or broken segment throws WireException. */
    public void open() {
        for (BlockSpec.PortWire p : spec.inputs()) {
            WireReader r = p.segment() == null ? null : WireReader.open(p.segment());
            if (r != null) {
                resources.add(r);
            }
            Port port = new Port(p.port(), r);
            inputs.add(port);
            inputsByName.put(p.port(), port);
        }
        for (BlockSpec.PortWire p : spec.outputs()) {
            WireWriter w = p.segment() == null ? null : WireWriter.attach(p.segment());
            if (w != null) {
                resources.add(w);
            }
            outputs.put(p.port(), w);
        }
        if (spec.statsSegment() != null) {
            stats = WireWriter.attach(spec.statsSegment());
            resources.add(stats);
        }
    }

    /**
     * Runs the block until the runtime asks it to stop. Exceptions thrown by the block's code
     * propagate unchanged.
     *
     * @param onReady called once setup is done; the first step follows the runtime's {@code go}
     */
    public void run(Runnable onReady) throws InterruptedException {
        Timing timing = new Timing(spec.blockId(), spec.rate());
        Params params = new LiveParams(control.params());
        BlockInputs in = new BlockInputs();
        BlockOutputs out = new BlockOutputs();
        block.setup(timing);
        long now = System.nanoTime();
        StatsMeter meter = new StatsMeter(spec.rate(), now);
        publishStats(meter, now);
        onReady.run();
        control.wakeOnStop(Thread.currentThread());
        if (!control.awaitGo()) {
            // Stopped before the circuit got going: no step, but the block still cleans up.
            block.teardown();
            return;
        }
        if (spec.rate() > 0) {
            Pacer pacer = new Pacer(spec.rate());
            pacer.start(System.nanoTime());
            // The first step happens at once; later ones on the pacer's deadlines.
            do {
                for (Port p : inputs) {
                    if (p.reader != null) {
                        p.poll();
                    }
                }
                step(timing, in, out, params, meter);
            } while (pacer.await(control));
        } else {
            runOnEvents(timing, in, out, params, meter);
        }
        block.teardown();
    }

    private void runOnEvents(Timing timing, BlockInputs in, BlockOutputs out, Params params, StatsMeter meter)
            throws InterruptedException {
        List<Port> wired = new ArrayList<>();
        for (Port p : inputs) {
            if (p.reader != null) {
                wired.add(p);
            }
        }
        if (wired.isEmpty()) {
            // Nothing can ever arrive: step once so that a source still publishes a value.
            step(timing, in, out, params, meter);
            while (!control.stopRequested()) {
                idle(meter);
            }
            return;
        }
        Semaphore wake = new Semaphore(0);
        if (wired.size() > 1) {
            for (Port p : wired) {
                startWaiter(p, wake);
            }
        }
        while (!control.stopRequested()) {
            boolean any = false;
            if (wired.size() == 1) {
                any = wired.get(0).await(IDLE_WAIT_NANOS);
            } else if (wake.tryAcquire(IDLE_WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                wake.drainPermits();
                for (Port p : wired) {
                    any |= p.poll();
                }
            }
            if (any && !control.stopRequested()) {
                step(timing, in, out, params, meter);
            } else {
                long now = System.nanoTime();
                if (meter.due(now)) {
                    publishStats(meter, now);
                }
            }
        }
    }

    private void idle(StatsMeter meter) {
        long now = System.nanoTime();
        if (meter.due(now)) {
            publishStats(meter, now);
        }
        java.util.concurrent.locks.LockSupport.parkNanos(IDLE_WAIT_NANOS);
    }

    /**
     * Blocks on one input's wire with a reader of its own (readers are not shared between threads)
     * and releases {@code wake} for every new value. It only waits: the stepping thread reads the
     * value, so an image is copied once, not twice.
     */
    private void startWaiter(Port p, Semaphore wake) {
        WireReader own = WireReader.open(spec.inputs().stream()
                .filter(w -> w.port().equals(p.name)).findFirst().orElseThrow().segment());
        resources.add(own);
        Thread t = new Thread(() -> {
            long seen = 0;
            while (!control.stopRequested()) {
                if (own.awaitNewer(seen, IDLE_WAIT_NANOS)) {
                    seen = own.sequence();
                    wake.release();
                }
            }
        }, "vc-wait-" + p.name);
        t.setDaemon(true);
        t.start();
    }

    private void step(Timing timing, BlockInputs in, BlockOutputs out, Params params, StatsMeter meter) {
        long now = System.nanoTime();
        timing.advance(now);
        block.step(in, out, params);
        for (Port p : inputs) {
            p.fresh = false;
        }
        meter.countStep();
        if (meter.due(now)) {
            publishStats(meter, now);
        }
    }

    private void publishStats(StatsMeter meter, long now) {
        double[] f = meter.figures(now);
        if (stats != null) {
            stats.writeDoubleArray(f, f.length);
        }
    }

    @Override
    public void close() {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                // Closing a mapping cannot fail in a way the block could act on.
            }
        }
    }

    /** The block's view of the live parameter map (a class, not a method reference, to keep lambdas off start-up). */
    private static final class LiveParams implements Params {
        private final Map<String, Object> values;

        LiveParams(Map<String, Object> values) {
            this.values = values;
        }

        @Override
        public Object get(String name) {
            return values.get(name);
        }
    }

    private final class BlockInputs implements Inputs {
        @Override
        public Object get(String port) {
            Port p = inputsByName.get(port);
            if (p == null) {
                throw new IllegalArgumentException("block " + spec.blockId() + " has no input '" + port + "'");
            }
            return p.value;
        }

        @Override
        public boolean isNew(String port) {
            Port p = inputsByName.get(port);
            return p != null && p.fresh;
        }
    }

    private final class BlockOutputs implements Outputs {
        @Override
        public void put(String port, Object value) {
            if (!outputs.containsKey(port)) {
                throw new IllegalArgumentException("block " + spec.blockId() + " has no output '" + port + "'");
            }
            WireWriter w = outputs.get(port);
            if (w != null) {
                WireValues.write(w, value);
            }
        }
    }

    /** The step timing a block sees; updated by the stepping thread before each step. */
    private static final class Timing implements BlockContext {
        private final String blockId;
        private final double rate;
        private long first = -1;
        private long previous;
        private double dt;
        private double time;

        Timing(String blockId, double rate) {
            this.blockId = blockId;
            this.rate = rate;
        }

        void advance(long now) {
            if (first < 0) {
                first = now;
                previous = now;
            }
            dt = (now - previous) / 1e9;
            time = (now - first) / 1e9;
            previous = now;
        }

        @Override
        public String blockId() {
            return blockId;
        }

        @Override
        public double dt() {
            return dt;
        }

        @Override
        public double time() {
            return time;
        }

        @Override
        public double rate() {
            return rate;
        }
    }
}
