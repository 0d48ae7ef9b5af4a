package io.visualcircuit.ipc;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The single writer of one wire. Each write publishes a new latest value with the next sequence
 * number; the writer never waits for readers (slow readers skip values and can count how many).
 * A value bigger than the current slot capacity grows the segment in place (see WIRE-FORMAT.md,
 * "Resize"), so any size up to {@link WireLayout#MAX_SLOT_CAPACITY} works.
 *
 * <p>Exactly one writer may write a wire at a time, across all processes: the runtime creates the
 * wire and hands it to the block process, which {@link #attach attaches}. Instances are not
 * thread-safe: one thread at a time may call the write methods.
 */
public final class WireWriter implements AutoCloseable {
    private final Segment segment;
    private final boolean unlinkOnClose;
    private final long epochOffsetNanos;
    private ByteBuffer buf;
    private int slotCount;
    private int slotsOffset;
    private long capacity;
    private int stride;
    private long generation;
    private long sequence;
    private long pendingSequence;
    private long pendingTime;
    private boolean closed;

    private WireWriter(Segment segment, boolean unlinkOnClose) {
        this.segment = segment;
        this.unlinkOnClose = unlinkOnClose;
        this.buf = segment.data;
        this.epochOffsetNanos = System.currentTimeMillis() * 1_000_000L - System.nanoTime();
    }

    /**
     * Creates a new wire segment named {@code segment} with room for values of {@code capacity}
     * bytes, owned by the caller: {@link #close()} unlinks it.
     */
    public static WireWriter create(String segment, int capacity) {
        return create(segment, capacity, true);
    }

    static WireWriter create(String segment, int capacity, boolean unlinkOnClose) {
        if (capacity <= 0 || capacity > WireLayout.MAX_SLOT_CAPACITY) {
            throw new IllegalArgumentException("wire capacity must be 1.." + WireLayout.MAX_SLOT_CAPACITY + " bytes, not "
                    + capacity);
        }
        int count = WireLayout.DEFAULT_SLOT_COUNT;
        long stride = WireLayout.slotStride(capacity);
        Segment seg = Segment.create(segment, WireLayout.HEADER_LENGTH + count * stride);
        ByteBuffer b = seg.data;
        b.putInt(WireLayout.MAGIC_OFFSET, WireLayout.MAGIC);
        b.putInt(WireLayout.HEADER_LENGTH_OFFSET, WireLayout.HEADER_LENGTH);
        b.putInt(WireLayout.SLOT_COUNT_OFFSET, count);
        b.putLong(WireLayout.GENERATION_OFFSET, 0);
        b.putLong(WireLayout.SLOTS_OFFSET_OFFSET, WireLayout.HEADER_LENGTH);
        b.putLong(WireLayout.SLOT_CAPACITY_OFFSET, capacity);
        b.putLong(WireLayout.SLOT_STRIDE_OFFSET, stride);
        WireWriter writer = new WireWriter(seg, unlinkOnClose);
        writer.claimWriterRole();
        // Version last, with release: a reader that sees it sees a complete header.
        Segment.putIntRelease(b, WireLayout.VERSION_OFFSET, WireLayout.VERSION);
        writer.loadLayout();
        return writer;
    }

    /**
     * Attaches to an existing wire as its writer, continuing its sequence. The previous writer must
     * have stopped writing (the runtime hands the wire over before starting the block). Closing an
     * attached writer does not unlink the segment; the run does that.
     */
    public static WireWriter attach(String segment) {
        Segment seg = Segment.open(segment, true);
        try {
            WireReader.checkIdentity(seg.data, segment, true);
            if ((Segment.getLongAcquire(seg.data, WireLayout.GENERATION_OFFSET) & 1) != 0) {
                throw new WireException("wire segment " + segment
                        + " was left half-resized by a writer that died; the run must recreate it");
            }
            WireWriter writer = new WireWriter(seg, false);
            writer.loadLayout();
            writer.sequence = Segment.getLongAcquire(seg.data, WireLayout.SEQUENCE_OFFSET);
            writer.claimWriterRole();
            return writer;
        } catch (RuntimeException e) {
            seg.close();
            throw e;
        }
    }

    private void claimWriterRole() {
        buf.putInt(WireLayout.WRITER_PID_OFFSET, Posix.pid());
        buf.putLong(WireLayout.WRITER_START_TICKS_OFFSET, Posix.startTicks());
        Segment.putIntRelease(buf, WireLayout.WRITER_STATE_OFFSET, WireLayout.WRITER_STATE_ATTACHED);
    }

    private void loadLayout() {
        SlotLayout layout = SlotLayout.read(buf, segment.fileSize(), segment.name);
        if (layout == null) {
            throw new WireException("wire segment " + segment.name + " is being resized by another writer");
        }
        generation = layout.generation();
        slotCount = layout.slotCount();
        slotsOffset = layout.slotsOffset();
        capacity = layout.capacity();
        stride = layout.stride();
    }

    /** The segment name this writer publishes to. */
    public String segmentName() {
        return segment.name;
    }

    /** Sequence number of the last value this writer published (0 before the first write). */
    public long sequence() {
        return sequence;
    }

    /** Current payload capacity of each slot, in bytes; grows when a bigger value is written. */
    public long capacity() {
        return capacity;
    }

    public void writeDouble(double value) {
        int slot = begin(WireLayout.TYPE_NUMBER, 8);
        buf.putDouble(slot + WireLayout.SLOT_HEADER_LENGTH, value);
        publish(slot);
    }

    public void writeBoolean(boolean value) {
        int slot = begin(WireLayout.TYPE_BOOLEAN, 1);
        buf.put(slot + WireLayout.SLOT_HEADER_LENGTH, (byte) (value ? 1 : 0));
        publish(slot);
    }

    public void writeLong(long value) {
        int slot = begin(WireLayout.TYPE_LONG, 8);
        buf.putLong(slot + WireLayout.SLOT_HEADER_LENGTH, value);
        publish(slot);
    }

    public void writeString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int slot = begin(WireLayout.TYPE_STRING, utf8.length);
        buf.put(slot + WireLayout.SLOT_HEADER_LENGTH, utf8);
        publish(slot);
    }

    /** Writes an n-d float64 array; with no shape given it is one-dimensional. */
    public void writeDoubleArray(double[] data, int... shape) {
        write(new Value.DoubleArrayValue(shape, data));
    }

    /** Writes an 8-bit image of {@code h} rows, {@code w} columns and {@code c} interleaved channels. */
    public void writeImage(byte[] pixels, int h, int w, int c) {
        if (c != 1 && c != 3 && c != 4) {
            throw new IllegalArgumentException("images have 1, 3 or 4 channels, not " + c);
        }
        if (h < 0 || w < 0 || (long) h * w * c != pixels.length) {
            throw new IllegalArgumentException("a " + h + "x" + w + "x" + c + " image needs " + (long) h * w * c
                    + " bytes but " + pixels.length + " were given");
        }
        int slot = begin(WireLayout.TYPE_IMAGE, 16L + pixels.length);
        ValueCodec.putImage(buf, slot + WireLayout.SLOT_HEADER_LENGTH, pixels, h, w, c);
        publish(slot);
    }

    /** Writes any numpy array as raw bytes with its typestr (for example {@code "<f4"}). */
    public void writeNdArray(String typestr, int[] shape, byte[] data) {
        write(new Value.NdArrayValue(typestr, shape, data));
    }

    /** Writes any value. */
    public void write(Value value) {
        byte[] utf8 = value instanceof Value.StringValue s ? s.value().getBytes(StandardCharsets.UTF_8) : null;
        long length = utf8 != null ? utf8.length : value.encodedLength();
        int slot = begin(value.typeCode(), length);
        ValueCodec.encode(buf, slot + WireLayout.SLOT_HEADER_LENGTH, value, utf8);
        publish(slot);
    }

    /** Step 1 of a write: grow if needed, mark the slot as being written, fill the slot header. */
    private int begin(int type, long length) {
        if (closed) {
            throw new WireException("wire " + segment.name + " is closed for writing");
        }
        if (length > capacity) {
            grow(length);
        }
        long seq = sequence + 1;
        int slot = slotsOffset + (int) WireLayout.slotIndex(seq, slotCount) * stride;
        Segment.putLongOpaque(buf, slot + WireLayout.SLOT_STAMP_OFFSET, WireLayout.writingStamp(seq));
        // Readers must never see new payload bytes under the old, even stamp.
        VarHandle.storeStoreFence();
        long now = System.nanoTime() + epochOffsetNanos;
        buf.putInt(slot + WireLayout.SLOT_TYPE_OFFSET, type);
        buf.putLong(slot + WireLayout.SLOT_LENGTH_OFFSET, length);
        buf.putLong(slot + WireLayout.SLOT_WRITE_TIME_OFFSET, now);
        pendingSequence = seq;
        pendingTime = now;
        return slot;
    }

    /** Step 2: complete the slot, publish the sequence, bump the futex word and wake sleepers. */
    private void publish(int slot) {
        long seq = pendingSequence;
        Segment.putLongRelease(buf, slot + WireLayout.SLOT_STAMP_OFFSET, WireLayout.completeStamp(seq));
        buf.putLong(WireLayout.LAST_WRITE_TIME_OFFSET, pendingTime);
        Segment.putLongRelease(buf, WireLayout.SEQUENCE_OFFSET, seq);
        sequence = seq;
        wakeSleepers();
    }

    /**
     * Wakes the readers sleeping on the wire, if any. The full fence orders the preceding
     * publication before the load of the waiter count; it pairs with the sleeping reader's atomic
     * increment of that count (see WIRE-FORMAT.md, "Blocking wait"), so either this writer sees the
     * waiter or the waiter sees the new sequence. With no waiter counted the notify word is left
     * alone: it shares the cache line with the published sequence, and writing it again right after
     * the publish would take that line back from spinning readers that are just loading it.
     * Skipping the system call also keeps a process whose readers never sleep from binding the
     * native library at all.
     */
    private void wakeSleepers() {
        VarHandle.fullFence();
        if (Segment.getIntVolatile(buf, WireLayout.WAITERS_OFFSET) != 0) {
            Segment.getAndAddIntVolatile(buf, WireLayout.NOTIFY_OFFSET, 1);
            Posix.futexWakeAll(segment.notifyAddress());
        }
    }

    /**
     * Grows the segment so that slots hold {@code needed} bytes: new, bigger slots are appended to
     * the file, the latest value is copied across, and the layout is switched under the generation
     * seqlock. Older slot areas stay in the file, unused, until the wire is removed.
     */
    private void grow(long needed) {
        if (needed > WireLayout.MAX_SLOT_CAPACITY) {
            throw new WireException("a value of " + needed + " bytes is larger than a wire can carry ("
                    + WireLayout.MAX_SLOT_CAPACITY + " bytes)");
        }
        long newCapacity = Math.max(needed, Math.min(WireLayout.MAX_SLOT_CAPACITY, capacity * 2));
        long newStride = WireLayout.slotStride(newCapacity);
        long newOffset = (segment.fileSize() + 4095) & ~4095L;
        long newLength = newOffset + slotCount * newStride;
        segment.growTo(newLength);
        segment.remap();
        buf = segment.data;
        if (sequence > 0) {
            int from = slotsOffset + (int) WireLayout.slotIndex(sequence, slotCount) * stride;
            int to = (int) (newOffset + WireLayout.slotIndex(sequence, slotCount) * newStride);
            int length = WireLayout.SLOT_HEADER_LENGTH + (int) buf.getLong(from + WireLayout.SLOT_LENGTH_OFFSET);
            buf.put(to, buf, from, length);
        }
        Segment.putLongRelease(buf, WireLayout.GENERATION_OFFSET, generation + 1);
        VarHandle.storeStoreFence();
        buf.putLong(WireLayout.SLOTS_OFFSET_OFFSET, newOffset);
        buf.putLong(WireLayout.SLOT_CAPACITY_OFFSET, newCapacity);
        buf.putLong(WireLayout.SLOT_STRIDE_OFFSET, newStride);
        Segment.putLongRelease(buf, WireLayout.GENERATION_OFFSET, generation + 2);
        generation += 2;
        slotsOffset = (int) newOffset;
        capacity = newCapacity;
        stride = (int) newStride;
    }

    /**
     * Stops writing: marks the wire as closed by its writer (readers see {@link WireReader#writerAlive()}
     * turn false), wakes blocked readers, and unlinks the segment if this writer created it with
     * {@link #create}. Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Segment.putIntRelease(buf, WireLayout.WRITER_STATE_OFFSET, WireLayout.WRITER_STATE_CLOSED);
        wakeSleepers();
        if (unlinkOnClose) {
            segment.unlink();
        }
        segment.close();
    }
}
