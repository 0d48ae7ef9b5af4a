package io.visualcircuit.ipc;

import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;

/**
 * A validated snapshot of a segment's slot layout (generation, where the slots are, how big).
 * Immutable; any thread.
 */
record SlotLayout(long generation, int slotCount, int slotsOffset, long capacity, int stride) {

    /** Position of the slot that holds sequence {@code seq}. */
    int slotPosition(long seq) {
        return slotsOffset + (int) WireLayout.slotIndex(seq, slotCount) * stride;
    }

    long end() {
        return slotsOffset + (long) slotCount * stride;
    }

    /**
     * Reads the layout fields under the generation seqlock. Returns null while a resize is in
     * progress (odd generation, or the generation moved during the read). Throws when the fields
     * are consistent but impossible for a segment of {@code fileSize} bytes.
     */
    static SlotLayout read(ByteBuffer header, long fileSize, String name) {
        long g1 = Segment.getLongAcquire(header, WireLayout.GENERATION_OFFSET);
        if ((g1 & 1) != 0) {
            return null;
        }
        int count = header.getInt(WireLayout.SLOT_COUNT_OFFSET);
        long offset = header.getLong(WireLayout.SLOTS_OFFSET_OFFSET);
        long capacity = header.getLong(WireLayout.SLOT_CAPACITY_OFFSET);
        long stride = header.getLong(WireLayout.SLOT_STRIDE_OFFSET);
        VarHandle.loadLoadFence();
        if (Segment.getLongVolatile(header, WireLayout.GENERATION_OFFSET) != g1) {
            return null;
        }
        if (count < 2 || count > WireLayout.MAX_SLOT_COUNT) {
            throw corrupted(name, "slot count " + count + " is outside 2.." + WireLayout.MAX_SLOT_COUNT);
        }
        if (offset < WireLayout.HEADER_LENGTH || offset > WireLayout.MAX_SEGMENT_LENGTH
                || offset % WireLayout.CACHE_LINE != 0) {
            throw corrupted(name, "slots offset " + offset + " is not a cache-line-aligned offset after the header");
        }
        if (capacity <= 0 || capacity > WireLayout.MAX_SLOT_CAPACITY) {
            throw corrupted(name, "slot capacity " + capacity + " is outside 1.." + WireLayout.MAX_SLOT_CAPACITY);
        }
        if (stride != WireLayout.slotStride(capacity)) {
            throw corrupted(name, "slot stride " + stride + " does not match capacity " + capacity);
        }
        long end = offset + count * stride;
        if (end > fileSize) {
            throw corrupted(name, "slots end at byte " + end + " but the segment has only " + fileSize + " bytes");
        }
        return new SlotLayout(g1, count, (int) offset, capacity, (int) stride);
    }

    static WireException corrupted(String name, String detail) {
        return new WireException("wire segment " + name + " is corrupted or not a VisualCircuit wire: " + detail);
    }
}
