package io.visualcircuit.ipc;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * Reads one wire: the latest value, only values newer than one already seen, polling with an
 * {@link IdleStrategy} until the writer publishes, or blocking on the futex until it does. Never
 * blocks the writer and never sees a torn value: a read that races with a write is retried. Values
 * the reader was too slow to see are lost on purpose (latest-value semantics);
 * {@link Sample#skipped()} says how many.
 *
 * <p>The segment's contents are never trusted: magic, version and every offset and length are
 * checked against the segment's real size before use, and a segment that does not hold a
 * consistent wire gives a {@link WireException} instead of a crash or an endless loop.
 *
 * <p>An instance is not thread-safe: one thread at a time may use it. Any number of readers, in any
 * number of processes, may read the same wire at once.
 */
public final class WireReader implements AutoCloseable {
    /** Give up on a read after this many inconsistent attempts (each one means the writer made progress). */
    private static final int MAX_ATTEMPTS = 1_000_000;
    /** How long {@link #await} spins before sleeping on the futex. */
    private static final long SPIN_NANOS = 10_000;
    /** Longest single futex sleep, so interrupts and writer death are noticed. */
    private static final long MAX_PARK_NANOS = 100_000_000;
    /** How long an odd generation (a resize in progress) is tolerated from a live writer. */
    private static final long RESIZE_PATIENCE_NANOS = 5_000_000_000L;

    private final Segment segment;
    private final ByteBuffer header;
    private ByteBuffer data;
    private SlotLayout layout;
    private long lastReturned;
    /** Results of the last successful {@link #readLatestCore}; kept in fields so that the core allocates nothing. */
    private long coreSequence;
    private long coreWriteTime;
    private Value coreValue;

    private WireReader(Segment segment) {
        this.segment = segment;
        this.header = segment.header;
        this.data = segment.data;
    }

    /**
     * Opens the wire segment {@code segment} for reading. Waits up to 50 ms for a creator that
     * is still initialising the header.
     *
     * @throws WireException if the segment is missing or is not a valid wire
     */
    public static WireReader open(String segment) {
        Segment seg = Segment.open(segment, false);
        try {
            checkIdentity(seg.header, segment, false);
            WireReader reader = new WireReader(seg);
            reader.refreshLayout();
            return reader;
        } catch (RuntimeException e) {
            seg.close();
            throw e;
        }
    }

    /**
     * Makes this process ready for blocking waits (and for waking readers that sleep on its
     * wires) now. Binding the native futex call costs tens of milliseconds of CPU once per
     * process, and without this call it is paid at the first wait or wake instead, which delays
     * that one value; a process that never sleeps on a wire and whose readers never sleep never
     * pays it. Any thread; idempotent.
     *
     * @throws WireException when this system offers no futex call (not Linux x86_64 or aarch64)
     */
    public static void prepareBlockingWaits() {
        Posix.bindNow();
    }

    /** Checks magic, version and header length; waits briefly for a header still being written. */
    static void checkIdentity(ByteBuffer header, String name, boolean immediate) {
        long deadline = System.nanoTime() + (immediate ? 0 : 50_000_000L);
        int version;
        while ((version = Segment.getIntAcquire(header, WireLayout.VERSION_OFFSET)) == 0
                && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            Thread.yield();
        }
        int magic = header.getInt(WireLayout.MAGIC_OFFSET);
        if (magic != WireLayout.MAGIC) {
            throw SlotLayout.corrupted(name, String.format("magic is 0x%08x, expected 0x%08x", magic, WireLayout.MAGIC));
        }
        if (version == 0) {
            throw new WireException("wire segment " + name + " was never finished by its creator (version is 0)");
        }
        if (version != WireLayout.VERSION) {
            throw new WireException("wire segment " + name + " uses format version " + version
                    + ", but this VisualCircuit reads version " + WireLayout.VERSION);
        }
        int headerLength = header.getInt(WireLayout.HEADER_LENGTH_OFFSET);
        if (headerLength != WireLayout.HEADER_LENGTH) {
            throw SlotLayout.corrupted(name, "header length is " + headerLength);
        }
    }

    /** The segment name this reader reads. */
    public String segmentName() {
        return segment.name;
    }

    /** Sequence number of the latest published value (acquire load); 0 if nothing was written. */
    public long sequence() {
        return Segment.getLongAcquire(header, WireLayout.SEQUENCE_OFFSET);
    }

    /** When the writer last published, in epoch nanoseconds (0 if never). */
    public long lastWriteTimeNanos() {
        return Segment.getLongAcquire(header, WireLayout.LAST_WRITE_TIME_OFFSET);
    }

    /**
     * The latest value, or null if nothing was ever written. {@link Sample#skipped()} counts the
     * values published since the previous sample this reader returned.
     */
    public Sample read() {
        Sample sample = readLatest(lastReturned);
        if (sample != null) {
            lastReturned = sample.sequence();
        }
        return sample;
    }

    /** The latest value if its sequence is greater than {@code lastSeq}, else null. Never blocks. */
    public Sample readIfNewer(long lastSeq) {
        if (!readNewerCore(null, lastSeq)) {
            return null;
        }
        long seq = coreSequence;
        lastReturned = seq;
        return new Sample(seq, seq - lastSeq - 1, coreWriteTime, coreValue);
    }

    /**
     * Waits until a value newer than {@code lastSeq} is published and returns it, or returns null
     * after {@code timeoutNanos} or when the calling thread is interrupted (the interrupt flag stays
     * set). Spins for a few microseconds, then sleeps on the wire's futex word so that the writer's
     * publish wakes it.
     */
    public Sample await(long lastSeq, long timeoutNanos) {
        if (!awaitNewer(lastSeq, timeoutNanos)) {
            return null;
        }
        return readIfNewer(lastSeq);
    }

    /**
     * Polls until a value newer than {@code lastSeq} is published and returns it, or returns null
     * after {@code timeoutNanos} or when the calling thread is interrupted (the interrupt flag stays
     * set). Between two empty looks at the wire it calls {@code idle} (reset at the start), for
     * example a {@link BackoffIdleStrategy} that spins, then yields, then parks. Unlike
     * {@link #await(long, long)} it never sleeps on the wire's futex and never takes a lock, so it
     * needs no native call at all and the writer never pays a wake-up for this reader; the price is
     * the idle strategy's wake-up delay (for a backoff, up to its maximum park time) and its CPU.
     * An empty look allocates nothing. A writer that died or closed is not waited for specially:
     * the poll simply times out, and {@link #writerAlive()} tells why.
     *
     * <p>Called by the thread that owns this reader; {@code idle} must belong to that same thread.
     * A timeout of 0 looks exactly once.
     */
    public Sample poll(long lastSeq, long timeoutNanos, IdleStrategy idle) {
        return pollNewer(lastSeq, timeoutNanos, idle) ? readIfNewer(lastSeq) : null;
    }

    /**
     * Like {@link #poll(long, long, IdleStrategy)}, but copies the value into {@code into}; returns
     * false on timeout or interrupt, leaving the buffer untouched.
     */
    public boolean poll(long lastSeq, long timeoutNanos, IdleStrategy idle, SampleBuffer into) {
        return pollNewer(lastSeq, timeoutNanos, idle) && readIfNewer(lastSeq, into);
    }

    /** The polling counterpart of {@link #awaitNewer}: only plain acquire loads of the sequence. */
    private boolean pollNewer(long lastSeq, long timeoutNanos, IdleStrategy idle) {
        java.util.Objects.requireNonNull(idle, "idle");
        idle.reset();
        long start = System.nanoTime();
        while (sequence() <= lastSeq) {
            if (System.nanoTime() - start >= timeoutNanos || Thread.currentThread().isInterrupted()) {
                return false;
            }
            idle.idle();
        }
        return true;
    }

    /**
     * Copies the latest value into {@code into} (images into its reusable pixel array, see
     * {@link SampleBuffer}). Returns false, leaving the buffer untouched, if nothing was ever written.
     */
    public boolean read(SampleBuffer into) {
        if (!readLatestCore(into, 0)) {
            return false;
        }
        fill(into, lastReturned);
        return true;
    }

    /**
     * Copies the latest value into {@code into} if its sequence is greater than {@code lastSeq};
     * returns false, leaving the buffer untouched, otherwise. Never blocks. Reading a stream of
     * equally sized images this way allocates nothing: each frame costs one copy out of shared
     * memory.
     */
    public boolean readIfNewer(long lastSeq, SampleBuffer into) {
        if (!readNewerCore(into, lastSeq)) {
            return false;
        }
        fill(into, lastSeq);
        return true;
    }

    /**
     * Like {@link #await(long, long)}, but copies the value into {@code into}; returns false on
     * timeout or interrupt, leaving the buffer untouched.
     */
    public boolean await(long lastSeq, long timeoutNanos, SampleBuffer into) {
        return awaitNewer(lastSeq, timeoutNanos) && readIfNewer(lastSeq, into);
    }

    private void fill(SampleBuffer into, long lastSeq) {
        if (coreValue != null) {
            into.setValue(coreValue);
        }
        into.setPosition(coreSequence, coreSequence > lastSeq ? coreSequence - lastSeq - 1 : 0, coreWriteTime);
        lastReturned = coreSequence;
    }

    /**
     * Waits, without reading the value, until the published sequence exceeds {@code lastSeq}:
     * returns true as soon as it does, false on timeout or interrupt. Spins for a few
     * microseconds, then sleeps on the futex. For threads that only need to know that a wire
     * moved, such as one that wakes another thread which then reads it.
     */
    public boolean awaitNewer(long lastSeq, long timeoutNanos) {
        long start = System.nanoTime();
        while (sequence() <= lastSeq) {
            long elapsed = System.nanoTime() - start;
            if (elapsed >= timeoutNanos) {
                return false;
            }
            if (elapsed < SPIN_NANOS) {
                Thread.onSpinWait();
                continue;
            }
            if (Thread.currentThread().isInterrupted()) {
                return false;
            }
            // Count this thread as a waiter first (a full fence), then read the notify word, then
            // re-check the sequence. The writer stores the sequence, fences, and only then looks at
            // the waiter count, bumping the notify word and waking when it is not 0. So either the
            // writer sees this waiter (and its later notify bump makes the futex wait below return
            // or wakes it), or the re-check below sees the new sequence.
            Segment.getAndAddIntVolatile(header, WireLayout.WAITERS_OFFSET, 1);
            try {
                int word = Segment.getIntAcquire(header, WireLayout.NOTIFY_OFFSET);
                if (sequence() <= lastSeq) {
                    Posix.futexWait(segment.notifyAddress(), word, Math.min(timeoutNanos - elapsed, MAX_PARK_NANOS));
                }
            } finally {
                Segment.getAndAddIntVolatile(header, WireLayout.WAITERS_OFFSET, -1);
            }
        }
        return true;
    }

    /**
     * True while the wire's writer process is attached and alive. False when no writer attached,
     * the writer closed the wire, or the writer process died (then the last value is stale).
     */
    public boolean writerAlive() {
        if (Segment.getIntAcquire(header, WireLayout.WRITER_STATE_OFFSET) != WireLayout.WRITER_STATE_ATTACHED) {
            return false;
        }
        int pid = header.getInt(WireLayout.WRITER_PID_OFFSET);
        long ticks = header.getLong(WireLayout.WRITER_START_TICKS_OFFSET);
        return Posix.processAlive(pid, ticks);
    }

    private Sample readLatest(long lastSeq) {
        if (!readLatestCore(null, 0)) {
            return null;
        }
        long seq = coreSequence;
        return new Sample(seq, seq > lastSeq ? seq - lastSeq - 1 : 0, coreWriteTime, coreValue);
    }

    /**
     * Reads the latest value into the core fields (and, for an image with a buffer given, into the
     * buffer's pixels); false, before copying anything, if nothing was ever written or the latest
     * sequence is not above {@code minSeq}.
     */
    private boolean readLatestCore(SampleBuffer into, long minSeq) {
        try {
            return readLatestUnchecked(into, minSeq, 0, false);
        } catch (InternalError e) {
            // HotSpot turns a SIGBUS on a mapped page into InternalError: the file was truncated.
            throw new WireException("wire segment " + segment.name + " shrank while being read; it was damaged", e);
        }
    }

    /**
     * Reads the latest value into the core fields if its sequence is greater than {@code lastSeq};
     * false, before copying anything, otherwise. This is the hot path of a reader that follows a
     * wire value by value, so it avoids serialised cache misses: when the next value is the one
     * expected ({@code lastSeq + 1}), its slot stamp is loaded together with the published sequence
     * (the slot position is known before the sequence arrives), and the sequence seen here is
     * handed on instead of being loaded again. Correctness still rests on the seqlock: the slot is
     * used only if its stamp is exactly the complete stamp of the sequence seen, and the stamp and
     * generation are re-checked after the copy.
     */
    private boolean readNewerCore(SampleBuffer into, long lastSeq) {
        try {
            SlotLayout current = layout;
            long generation = Segment.getLongAcquire(header, WireLayout.GENERATION_OFFSET);
            long expected = lastSeq + 1;
            int predicted = -1;
            long predictedStamp = 0;
            if (generation == current.generation() && expected > 0) {
                predicted = current.slotPosition(expected);
                // Acquire, so that the payload loads of a fast-path read stay after it; issued
                // before the sequence load so that both cache misses are in flight at once.
                predictedStamp = Segment.getLongAcquire(data, predicted + WireLayout.SLOT_STAMP_OFFSET);
            }
            long seq = Segment.getLongAcquire(header, WireLayout.SEQUENCE_OFFSET);
            if (seq <= lastSeq) {
                return false;
            }
            if (predicted >= 0 && seq == expected && predictedStamp == WireLayout.completeStamp(seq)
                    && copySlot(into, predicted, seq, predictedStamp, generation, current)) {
                return true;
            }
            return readLatestUnchecked(into, lastSeq, seq, generation == current.generation());
        } catch (InternalError e) {
            throw new WireException("wire segment " + segment.name + " shrank while being read; it was damaged", e);
        }
    }

    /**
     * The second half of a seqlock read of {@code slot}, whose stamp was seen (with acquire) to be
     * {@code stamp}, the complete stamp of {@code seq}: copies the value into the core fields and
     * re-checks the stamp and the generation. False if the writer interfered (the caller retries);
     * throws if the copy is consistent but malformed.
     */
    private boolean copySlot(SampleBuffer into, int slot, long seq, long stamp, long generation, SlotLayout current) {
        int type = data.getInt(slot + WireLayout.SLOT_TYPE_OFFSET);
        long length = data.getLong(slot + WireLayout.SLOT_LENGTH_OFFSET);
        long writeTime = data.getLong(slot + WireLayout.SLOT_WRITE_TIME_OFFSET);
        Value value = null;
        boolean wellFormed = false;
        if (length >= 0 && length <= current.capacity()) {
            int payload = slot + WireLayout.SLOT_HEADER_LENGTH;
            try {
                if (into != null && type == WireLayout.TYPE_IMAGE) {
                    wellFormed = ValueCodec.decodeImageInto(data, payload, length, into);
                } else {
                    value = ValueCodec.decode(data, payload, type, length);
                    wellFormed = value != null;
                }
            } catch (RuntimeException e) {
                wellFormed = false;
            }
        }
        // Order the payload loads before the stamp re-check (the seqlock's closing read).
        VarHandle.loadLoadFence();
        if (Segment.getLongPlain(data, slot + WireLayout.SLOT_STAMP_OFFSET) != stamp
                || Segment.getLongPlain(header, WireLayout.GENERATION_OFFSET) != generation) {
            return false;
        }
        if (!wellFormed) {
            throw SlotLayout.corrupted(segment.name, "slot for sequence " + seq + " holds a malformed value of type "
                    + type + " and length " + length);
        }
        coreSequence = seq;
        coreWriteTime = writeTime;
        coreValue = value;
        return true;
    }

    /**
     * The general read loop. {@code knownSeq}, when {@code useKnown} is true, is a published
     * sequence the caller has just loaded (after an acquire load of the current layout's
     * generation); the first attempt uses it instead of loading the sequence again.
     */
    private boolean readLatestUnchecked(SampleBuffer into, long minSeq, long knownSeq, boolean useKnown) {
        int mismatches = 0;
        long oddSince = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            long generation = Segment.getLongAcquire(header, WireLayout.GENERATION_OFFSET);
            if ((generation & 1) != 0) {
                useKnown = false;
                oddSince = waitForResize(oddSince);
                continue;
            }
            if (generation != layout.generation()) {
                useKnown = false;
                refreshLayout();
                continue;
            }
            long seq;
            if (useKnown) {
                seq = knownSeq;
                useKnown = false;
            } else {
                seq = Segment.getLongAcquire(header, WireLayout.SEQUENCE_OFFSET);
            }
            if (seq == 0 || seq <= minSeq) {
                return false;
            }
            int slot = layout.slotPosition(seq);
            long stamp = Segment.getLongAcquire(data, slot + WireLayout.SLOT_STAMP_OFFSET);
            if (stamp != WireLayout.completeStamp(seq)) {
                // The writer completes a slot before publishing its sequence and only reuses it
                // slotCount-1 publishes later, so a mismatch under an unchanged sequence and
                // generation cannot come from a live, correct writer.
                if (Segment.getLongAcquire(header, WireLayout.SEQUENCE_OFFSET) == seq
                        && Segment.getLongAcquire(header, WireLayout.GENERATION_OFFSET) == generation
                        && ++mismatches > 3) {
                    throw SlotLayout.corrupted(segment.name, "slot stamp " + stamp + " does not match sequence " + seq);
                }
                Thread.onSpinWait();
                continue;
            }
            if (copySlot(into, slot, seq, stamp, generation, layout)) {
                return true;
            }
        }
        throw new WireException("could not read a consistent value from wire " + segment.name + " in " + MAX_ATTEMPTS
                + " attempts; the segment is corrupted or rewritten faster than it can be copied");
    }

    private long waitForResize(long oddSince) {
        long now = System.nanoTime();
        if (oddSince == 0) {
            return now;
        }
        if (!writerAlive()) {
            throw new WireException("the writer of wire " + segment.name + " died while resizing it");
        }
        if (now - oddSince > RESIZE_PATIENCE_NANOS) {
            throw new WireException("wire " + segment.name + " has been resizing for over 5 s; giving up");
        }
        Thread.yield();
        return oddSince;
    }

    /** Re-reads the slot layout after a generation change, remapping when the file grew. */
    private void refreshLayout() {
        long deadline = System.nanoTime() + RESIZE_PATIENCE_NANOS;
        while (true) {
            long fileSize = segment.fileSize();
            SlotLayout fresh = SlotLayout.read(header, fileSize, segment.name);
            if (fresh != null) {
                if (fresh.end() > data.capacity()) {
                    segment.remap();
                    data = segment.data;
                    if (fresh.end() > data.capacity()) {
                        throw SlotLayout.corrupted(segment.name, "slots end beyond the mapped segment");
                    }
                }
                layout = fresh;
                return;
            }
            if (!writerAlive()) {
                throw new WireException("the writer of wire " + segment.name + " died while resizing it");
            }
            if (System.nanoTime() > deadline) {
                throw new WireException("wire " + segment.name + " has been resizing for over 5 s; giving up");
            }
            Thread.yield();
        }
    }

    /** The header mapping, for tests that observe the waiter count. */
    ByteBuffer segmentHeaderForTest() {
        return header;
    }

    /** Releases this reader's file handle; the mapping goes when it is garbage collected. */
    @Override
    public void close() {
        segment.close();
    }
}
