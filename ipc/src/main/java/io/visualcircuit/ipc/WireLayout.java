package io.visualcircuit.ipc;

/**
 * The byte layout of one wire segment: every offset, size and code that a writer or reader of the
 * shared memory needs, in one place. {@code ipc/WIRE-FORMAT.md} describes the same layout in prose
 * for implementers in other languages; the two must change together.
 *
 * <p>All multi-byte fields are little-endian and naturally aligned. The segment starts with a
 * {@value #HEADER_LENGTH}-byte header split into cache lines so that the fields the writer changes
 * on every publish do not share a line with the fields readers change (the waiter count):
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +---------------------------------------------------------------+
 *  |                        magic (u32)                            |  0   line 0: layout,
 *  |                       version (u32)                           |  4   written at creation
 *  |                    header length (u32)                        |  8   and on resize
 *  |                     slot count (u32)                          | 12
 *  |                  layout generation (u64)                      | 16   odd while resizing
 *  |                    slots offset (u64)                         | 24
 *  |                   slot capacity (u64)                         | 32   payload bytes per slot
 *  |                     slot stride (u64)                         | 40
 *  |                    reserved (16 bytes)                        | 48
 *  +---------------------------------------------------------------+
 *  |                  published sequence (u64)                     | 64   line 1: changes on
 *  |                   notify word (u32)                           | 72   every publish (notify:
 *  |                                                               |      only with waiters)
 *  |                    reserved (u32)                             | 76
 *  |                last write time (i64, epoch ns)                | 80
 *  |                    reserved (40 bytes)                        | 88
 *  +---------------------------------------------------------------+
 *  |                     writer pid (i32)                          |128   line 2: writer
 *  |                   writer state (u32)                          |132   identity
 *  |             writer process start time (u64, ticks)            |136
 *  |                    reserved (48 bytes)                        |144
 *  +---------------------------------------------------------------+
 *  |                   waiter count (u32)                          |192   line 3: written by
 *  |                    reserved (60 bytes)                        |196   readers
 *  +---------------------------------------------------------------+
 *  |  (slots of older generations that a resize left behind)       |
 *  +---------------------------------------------------------------+ slots offset
 *  |  slot 0: 32-byte slot header, then slot capacity payload bytes |
 *  |  slot 1 ... slot (slot count - 1), each slot stride apart     |
 *  +---------------------------------------------------------------+
 * </pre>
 *
 * <p>Each slot starts with a 32-byte slot header: stamp (u64, the seqlock word: {@code 2*seq+1}
 * while the writer fills the slot for sequence {@code seq}, {@code 2*seq} once complete), value
 * type (u32), reserved (u32), payload length (u64) and write time (i64, epoch nanoseconds). The
 * payload follows at once, so a value of up to 32 bytes shares the stamp's cache line and a reader
 * gets it with the same transfer. The value for sequence {@code seq} lives in slot
 * {@code seq % slotCount}.
 *
 * <p>This class holds constants only; it is safe to use from any thread.
 */
public final class WireLayout {
    /** "VCWR" read as a little-endian u32: bytes 'V' 'C' 'W' 'R'. */
    public static final int MAGIC = 0x52574356;
    /** The only layout version this code reads and writes. */
    public static final int VERSION = 2;
    /** Cache line size assumed for padding. */
    public static final int CACHE_LINE = 64;

    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int HEADER_LENGTH_OFFSET = 8;
    public static final int SLOT_COUNT_OFFSET = 12;
    public static final int GENERATION_OFFSET = 16;
    public static final int SLOTS_OFFSET_OFFSET = 24;
    public static final int SLOT_CAPACITY_OFFSET = 32;
    public static final int SLOT_STRIDE_OFFSET = 40;

    public static final int SEQUENCE_OFFSET = 64;
    public static final int NOTIFY_OFFSET = 72;
    public static final int LAST_WRITE_TIME_OFFSET = 80;

    public static final int WRITER_PID_OFFSET = 128;
    public static final int WRITER_STATE_OFFSET = 132;
    public static final int WRITER_START_TICKS_OFFSET = 136;

    public static final int WAITERS_OFFSET = 192;

    /** Length of the header; the first slot area starts at or after it. */
    public static final int HEADER_LENGTH = 256;

    /** No writer has attached yet (or the writer fields were never set). */
    public static final int WRITER_STATE_NONE = 0;
    /** A writer process is attached; check its pid and start time to know whether it still lives. */
    public static final int WRITER_STATE_ATTACHED = 1;
    /** The writer closed the wire on purpose; no more values will come from it. */
    public static final int WRITER_STATE_CLOSED = 2;

    public static final int SLOT_STAMP_OFFSET = 0;
    public static final int SLOT_TYPE_OFFSET = 8;
    public static final int SLOT_LENGTH_OFFSET = 16;
    public static final int SLOT_WRITE_TIME_OFFSET = 24;
    /** Length of a slot header; the payload starts this far into the slot. */
    public static final int SLOT_HEADER_LENGTH = 32;

    /** Slots per wire: three lets a reader copy one value while the writer fills the next two. */
    public static final int DEFAULT_SLOT_COUNT = 3;
    /** Readers refuse segments claiming more slots than this. */
    public static final int MAX_SLOT_COUNT = 64;
    /** Largest payload a slot may hold; also keeps the whole segment addressable with int indexes. */
    public static final long MAX_SLOT_CAPACITY = 512L * 1024 * 1024;
    /** Largest segment this code maps (Java buffers are int-indexed). */
    public static final long MAX_SEGMENT_LENGTH = Integer.MAX_VALUE - 4096L;

    public static final int TYPE_NUMBER = 1;
    public static final int TYPE_BOOLEAN = 2;
    public static final int TYPE_LONG = 3;
    public static final int TYPE_STRING = 4;
    public static final int TYPE_DOUBLE_ARRAY = 5;
    public static final int TYPE_IMAGE = 6;
    public static final int TYPE_NDARRAY = 7;

    /** Most dimensions an array value may have. */
    public static final int MAX_DIMENSIONS = 32;
    /** Longest numpy typestr accepted (for example {@code "<f4"} or {@code "|u1"}). */
    public static final int MAX_TYPESTR_LENGTH = 32;

    private WireLayout() {
    }

    /** Rounds {@code value} up to the next multiple of the cache line. */
    public static long alignToCacheLine(long value) {
        return (value + CACHE_LINE - 1) & ~(long) (CACHE_LINE - 1);
    }

    /** Distance between consecutive slots for a given payload capacity. */
    public static long slotStride(long slotCapacity) {
        return alignToCacheLine(SLOT_HEADER_LENGTH + slotCapacity);
    }

    /** Offset of the slot holding sequence {@code seq}, relative to the slots offset. */
    public static long slotIndex(long seq, int slotCount) {
        return Long.remainderUnsigned(seq, slotCount);
    }

    /** The stamp value of a complete slot holding sequence {@code seq}. */
    public static long completeStamp(long seq) {
        return seq << 1;
    }

    /** The stamp value while the writer fills a slot for sequence {@code seq}. */
    public static long writingStamp(long seq) {
        return (seq << 1) | 1L;
    }
}
