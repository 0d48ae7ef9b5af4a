package io.visualcircuit.app.live;

import io.visualcircuit.runtime.run.BlockStats;
import io.visualcircuit.runtime.run.BlockStatus;
import io.visualcircuit.runtime.run.WireInfo;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Samples every wire of a run at display rate on one background thread and publishes the result as
 * an immutable {@link LiveFrame}. Sampling at display rate (not at the writers' rate) is what keeps
 * a fast writer from slowing the editor: a 1 kHz wire costs the same as a 1 Hz wire, and its rate
 * is still reported from sequence deltas.
 *
 * <p>A new frame is published only when something on screen would change: a wire's value, rate,
 * error, thumbnail or stale state (so dimming after a second still shows), a block's state or
 * shown figures, or the time axis of a chart that still has points in its window (a watched wire:
 * probe, scope, plot block). An idle circuit therefore publishes nothing and the canvas, which
 * repaints only for new frames, stays still.
 *
 * <p>Threading: the sampler thread ("vc-live-sampler", a daemon) owns the wire sources and every
 * accumulator; nothing else touches them. {@link #latest()}, {@link #watch}, {@link #unwatch},
 * {@link #requestThumbnails} and {@link #close()} may be called from any thread (typically the FX
 * thread); they only exchange immutable or concurrent objects with the sampler thread.
 * {@link #sampleOnce()} is for tests that drive the sampler without its thread and must not be
 * mixed with {@link #start()}.
 */
public final class LiveSampler implements AutoCloseable {
    /** Samples kept for wires nobody watches: enough for a sparkline. */
    static final int SHORT_HISTORY = 64;
    /** After this long without a new value a wire counts as stale and is drawn dimmed. */
    static final long STALE_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long RATE_WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(1000);
    private static final long REOPEN_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    private static final long STATS_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final int THUMB_W = 96;
    private static final int THUMB_H = 72;

    private final List<Slot> slots = new ArrayList<>();
    private final WireSource.Opener opener;
    private final BlockSource blockSource;
    private final double hz;
    private final LongSupplier clock;
    private final long origin;
    private final AtomicReference<LiveFrame> latest = new AtomicReference<>(LiveFrame.EMPTY);
    private final Map<String, Double> watched = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> thumbnailWanted = new ConcurrentHashMap<>();
    private final int maxThumbnailsPerTick;
    private volatile boolean running;
    private Thread thread;

    // Owned by the sampler thread.
    private long frameNumber;
    private long lastStatsAt = Long.MIN_VALUE;
    private Map<String, BlockLive> blocks = Map.of();
    /** The block map of the last published frame. */
    private Map<String, BlockLive> publishedBlocks = Map.of();
    private final Map<String, double[]> cpuAnchors = new HashMap<>();
    private int thumbCursor;

    /**
     * @param wires     every wire to sample (one entry per output, as {@code Run.wires()} lists them)
     * @param opener    opens a wire read-only; called on the sampler thread
     * @param blocks    block states and figures; called on the sampler thread
     * @param hz        samples per second (30 to 60 for display)
     */
    public LiveSampler(List<WireInfo> wires, WireSource.Opener opener, BlockSource blocks, double hz) {
        this(wires, opener, blocks, hz, System::nanoTime, 4);
    }

    LiveSampler(List<WireInfo> wires, WireSource.Opener opener, BlockSource blocks, double hz, LongSupplier clock,
                int maxThumbnailsPerTick) {
        this.opener = Objects.requireNonNull(opener);
        this.blockSource = Objects.requireNonNull(blocks);
        if (!(hz > 0 && hz <= 1000)) {
            throw new IllegalArgumentException("sample rate must be in (0, 1000] Hz, was " + hz);
        }
        this.hz = hz;
        this.clock = clock;
        this.origin = clock.getAsLong();
        this.maxThumbnailsPerTick = maxThumbnailsPerTick;
        for (WireInfo w : wires) {
            slots.add(new Slot(w));
        }
    }

    /** Samples per second this sampler runs at. */
    public double hz() {
        return hz;
    }

    /** Starts the sampler thread. Any thread; at most once. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::loop, "vc-live-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    /** The newest frame; never null (empty before the first tick). Any thread. */
    public LiveFrame latest() {
        return latest.get();
    }

    /** Keeps a long history (the last {@code seconds}) for a wire: probes, plots, scopes. Any thread. */
    public void watch(String wireKey, double seconds) {
        watched.merge(wireKey, seconds, Math::max);
    }

    /** Goes back to a short history for a wire. Any thread. */
    public void unwatch(String wireKey) {
        watched.remove(wireKey);
    }

    /**
     * Names the image wires whose thumbnails one view wants now (the canvas: those on screen and in
     * image-view blocks; the probes: the pinned ones). Only wanted wires are converted, a few per
     * tick. Each requester replaces its own previous request. Any thread.
     */
    public void requestThumbnails(String requester, Collection<String> wireKeys) {
        if (wireKeys.isEmpty()) {
            thumbnailWanted.remove(requester);
        } else {
            thumbnailWanted.put(requester, Set.copyOf(wireKeys));
        }
    }

    private void loop() {
        long period = (long) (1e9 / hz);
        long next = clock.getAsLong();
        try {
            while (running) {
                sampleOnce();
                next += period;
                long wait = next - clock.getAsLong();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    // Fell behind (machine busy): skip the missed ticks instead of bursting.
                    next = clock.getAsLong();
                }
            }
        } finally {
            for (Slot s : slots) {
                s.closeSource();
            }
        }
    }

    /**
     * Samples every wire once and publishes a frame if anything shown changed; returns the latest
     * frame (the previous one, same object, when nothing changed). Sampler thread only (or a test
     * without {@link #start()}).
     */
    LiveFrame sampleOnce() {
        long now = clock.getAsLong();
        double t = (now - origin) / 1e9;
        Map<String, WireLive> wires = new HashMap<>(slots.size() * 2);
        Set<String> wantThumbs = new java.util.HashSet<>();
        for (Set<String> keys : thumbnailWanted.values()) {
            wantThumbs.addAll(keys);
        }
        int thumbsLeft = maxThumbnailsPerTick;
        boolean changed = frameNumber == 0;
        int n = slots.size();
        for (int k = 0; k < n; k++) {
            // Round-robin start so that, with few thumbnails allowed per tick, every wanted image gets its turn.
            Slot s = slots.get((thumbCursor + k) % n);
            s.sample(now, t);
            if (thumbsLeft > 0 && s.wantsThumbnail(wantThumbs)) {
                s.makeThumbnail();
                thumbsLeft--;
            }
            WireLive before = s.last;
            WireLive live = s.snapshot(now);
            changed |= live != before || s.chartScrolling(t);
            wires.put(s.info.wire(), live);
        }
        if (n > 0) {
            thumbCursor = (thumbCursor + 1) % n;
        }
        if (now - lastStatsAt >= STATS_NANOS || lastStatsAt == Long.MIN_VALUE) {
            blocks = readBlocks(now);
            lastStatsAt = now;
        }
        changed |= !sameAsShown(blocks, publishedBlocks);
        if (!changed) {
            return latest.get();
        }
        LiveFrame frame = new LiveFrame(++frameNumber, t, wires, blocks);
        publishedBlocks = blocks;
        latest.set(frame);
        return frame;
    }

    /**
     * True when two block maps look the same on the canvas: same states, CPU %, rates and memory.
     * The loop count and CPU seconds, which grow all the time, are not shown, so they alone do not
     * make a new frame (the next frame carries them anyway).
     */
    static boolean sameAsShown(Map<String, BlockLive> a, Map<String, BlockLive> b) {
        if (a == b) {
            return true;
        }
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<String, BlockLive> e : a.entrySet()) {
            BlockLive x = e.getValue();
            BlockLive y = b.get(e.getKey());
            if (y == null || !x.status().equals(y.status()) || Double.compare(x.cpuPercent(), y.cpuPercent()) != 0) {
                return false;
            }
            BlockStats p = x.stats();
            BlockStats q = y.stats();
            if (p == null || q == null) {
                if (p != q) {
                    return false;
                }
            } else if (Double.compare(p.requestedRateHz(), q.requestedRateHz()) != 0
                    || Double.compare(p.achievedRateHz(), q.achievedRateHz()) != 0 || p.rssBytes() != q.rssBytes()) {
                return false;
            }
        }
        return true;
    }

    private Map<String, BlockLive> readBlocks(long now) {
        Map<String, BlockLive> out = new HashMap<>();
        Map<String, BlockStatus> states;
        try {
            states = blockSource.states();
        } catch (RuntimeException e) {
            return blocks;
        }
        for (BlockStatus st : states.values()) {
            BlockStats stats = null;
            try {
                stats = blockSource.stats(st.blockId()).orElse(null);
            } catch (RuntimeException e) {
                // A block whose figures cannot be read still shows its state.
            }
            double cpu = Double.NaN;
            if (stats != null) {
                // {anchor time, anchor cpu seconds, last percent}: CPU % is measured over >= 1 s windows.
                double[] a = cpuAnchors.get(st.blockId());
                double since = (now - origin) / 1e9;
                if (a == null) {
                    cpuAnchors.put(st.blockId(), new double[] {since, stats.cpuSeconds(), Double.NaN});
                } else {
                    double elapsed = since - a[0];
                    if (elapsed >= 1.0) {
                        a[2] = Math.max(0, 100.0 * (stats.cpuSeconds() - a[1]) / elapsed);
                        a[0] = since;
                        a[1] = stats.cpuSeconds();
                    }
                    cpu = a[2];
                }
            }
            out.put(st.blockId(), new BlockLive(st, stats, cpu));
        }
        return out;
    }

    /** Stops the sampler thread and closes every wire source. Any thread; waits up to a second. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            LockSupport.unpark(t);
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        } else {
            for (Slot s : slots) {
                s.closeSource();
            }
        }
    }

    /** Accumulated state of one wire. Sampler thread only. */
    private final class Slot {
        final WireInfo info;
        WireSource source;
        String error;
        long lastOpenAttempt = Long.MIN_VALUE;
        long seq;
        LiveValue value;
        long rateAnchorAt;
        long rateAnchorSeq;
        boolean rateAnchored;
        double rate;
        long lastChangeAt = Long.MIN_VALUE;
        double min = Double.NaN;
        double max = Double.NaN;
        double sum;
        long count;
        double[] ringT = new double[SHORT_HISTORY];
        double[] ringV = new double[SHORT_HISTORY];
        int head;
        int size;
        /** Sampler time (s) of the newest history point, NaN while the history is empty. */
        double newestT = Double.NaN;
        boolean historyChanged = true;
        History history = History.EMPTY;
        Thumbnail thumbnail;
        WireLive last;
        boolean lastStale;
        double lastRate = -1;

        Slot(WireInfo info) {
            this.info = info;
        }

        void sample(long now, double t) {
            if (source == null && !open(now)) {
                return;
            }
            WireSource.WireSample s;
            try {
                s = source.readIfNewer(seq);
            } catch (RuntimeException e) {
                // A corrupt or vanished segment: show why on the wire, close it, try again later.
                error = message(e);
                closeSource();
                return;
            }
            if (!rateAnchored) {
                rateAnchorAt = now;
                rateAnchorSeq = s != null ? s.sequence() : seq;
                rateAnchored = true;
            }
            if (s != null) {
                seq = s.sequence();
                value = s.value();
                lastChangeAt = now;
                double d = value == null ? Double.NaN : value.asDouble();
                if (!Double.isNaN(d)) {
                    min = count == 0 ? d : Math.min(min, d);
                    max = count == 0 ? d : Math.max(max, d);
                    sum += d;
                    count++;
                    append(t, d);
                }
            }
            long window = now - rateAnchorAt;
            if (window >= RATE_WINDOW_NANOS) {
                rate = (seq - rateAnchorSeq) * 1e9 / window;
                rateAnchorAt = now;
                rateAnchorSeq = seq;
            } else if (window >= RATE_WINDOW_NANOS / 4 && seq > rateAnchorSeq && rate == 0) {
                // First estimate before a whole window has passed, so a new wire shows a rate quickly.
                rate = (seq - rateAnchorSeq) * 1e9 / window;
            }
        }

        private boolean open(long now) {
            if (lastOpenAttempt != Long.MIN_VALUE && now - lastOpenAttempt < REOPEN_NANOS) {
                return false;
            }
            lastOpenAttempt = now;
            try {
                source = opener.open(info);
                error = null;
                return true;
            } catch (RuntimeException e) {
                error = message(e);
                return false;
            }
        }

        private void append(double t, double v) {
            int cap = capacity();
            if (cap != ringT.length) {
                resize(cap);
            }
            ringT[head] = t;
            ringV[head] = v;
            newestT = t;
            head = (head + 1) % ringT.length;
            size = Math.min(size + 1, ringT.length);
            historyChanged = true;
        }

        private int capacity() {
            Double seconds = watched.get(info.wire());
            if (seconds == null) {
                return SHORT_HISTORY;
            }
            // One entry per tick covers the window; a little slack for jitter.
            return Math.max(SHORT_HISTORY, (int) Math.ceil(seconds * hz * 1.2) + 2);
        }

        private void resize(int cap) {
            double[] t = new double[cap];
            double[] v = new double[cap];
            int keep = Math.min(size, cap);
            for (int i = 0; i < keep; i++) {
                int src = Math.floorMod(head - keep + i, ringT.length);
                t[i] = ringT[src];
                v[i] = ringV[src];
            }
            ringT = t;
            ringV = v;
            size = keep;
            head = keep % cap;
            historyChanged = true;
        }

        /**
         * True while a chart shows this wire (it is watched) and its newest point is still inside
         * the chart's window: the chart's time axis moves on every tick until that point scrolls out.
         */
        boolean chartScrolling(double t) {
            Double seconds = watched.get(info.wire());
            return seconds != null && !Double.isNaN(newestT) && t - newestT <= seconds;
        }

        boolean wantsThumbnail(Set<String> wanted) {
            return value instanceof LiveValue.Image && wanted.contains(info.wire())
                    && (thumbnail == null || thumbnail.sequence() != seq);
        }

        void makeThumbnail() {
            thumbnail = Thumbnail.of((LiveValue.Image) value, THUMB_W, THUMB_H, seq);
        }

        WireLive snapshot(long now) {
            if (historyChanged) {
                double[] t = new double[size];
                double[] v = new double[size];
                for (int i = 0; i < size; i++) {
                    int src = Math.floorMod(head - size + i, ringT.length);
                    t[i] = ringT[src];
                    v[i] = ringV[src];
                }
                history = new History(t, v);
                historyChanged = false;
            }
            boolean stale = lastChangeAt == Long.MIN_VALUE || now - lastChangeAt > STALE_NANOS;
            if (last != null && last.sequence() == seq && last.history() == history && last.thumbnail() == thumbnail
                    && stale == lastStale && rate == lastRate && Objects.equals(last.error(), error)) {
                // Nothing changed: reuse the immutable snapshot, which keeps idle wires allocation-free.
                return last;
            }
            double mean = count == 0 ? Double.NaN : sum / count;
            last = new WireLive(info, value, seq, rate, stale, min, max, mean, history, thumbnail, error);
            lastStale = stale;
            lastRate = rate;
            return last;
        }

        void closeSource() {
            if (source != null) {
                try {
                    source.close();
                } catch (RuntimeException e) {
                    // Closing a mapping that is already gone is not worth reporting.
                }
                source = null;
            }
        }
    }

    private static String message(RuntimeException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
