package io.visualcircuit.ipc;

/**
 * Payloads whose every byte is derived from their sequence number, in sizes that vary with it, so
 * that a reader can tell a torn value (bytes from two writes) from a whole one.
 */
final class StressPayload {
    private static final int[] SIZES = {16, 3000, 64, 250_000, 1024, 40_000, 8};

    private StressPayload() {
    }

    static int sizeFor(long seq) {
        return SIZES[(int) (seq % SIZES.length)];
    }

    static byte[] forSequence(long seq) {
        byte[] data = new byte[sizeFor(seq)];
        fill(data, seq);
        return data;
    }

    static void fill(byte[] data, long seq) {
        long x = seq * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) ((x >>> ((i & 7) * 8)) + i);
        }
    }

    /** True when {@code data} is exactly the payload of sequence {@code seq}. */
    static boolean matches(byte[] data, long seq) {
        if (data.length != sizeFor(seq)) {
            return false;
        }
        long x = seq * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < data.length; i++) {
            if (data[i] != (byte) ((x >>> ((i & 7) * 8)) + i)) {
                return false;
            }
        }
        return true;
    }
}
