package io.visualcircuit.ipc;

/**
 * A reusable destination for wire reads, for readers of image streams that must not allocate a
 * new frame per read. {@link WireReader#readIfNewer(long, SampleBuffer)} and its siblings copy an
 * image straight from shared memory into this buffer's pixel array, which is kept and reused for
 * as long as the frames keep the same byte size; a frame of another size replaces the array once.
 * Values that are not images are decoded as usual and held in {@link #value()}.
 *
 * <p>A buffer is mutable and not thread-safe: it belongs to the thread that reads into it. Every
 * successful read overwrites the previous contents, including the pixel array other code may still
 * hold; copy what must outlive the next read. After a read that threw, the contents are
 * unspecified. A read that finds nothing newer leaves the buffer untouched.
 */
public final class SampleBuffer {
    private static final byte[] NO_PIXELS = new byte[0];

    private long sequence;
    private long skipped;
    private long writeTimeNanos;
    private Value value;
    private boolean image;
    private int height;
    private int width;
    private int channels;
    private byte[] pixels = NO_PIXELS;

    /** An empty buffer; the first image read allocates the pixel array. */
    public SampleBuffer() {
    }

    /**
     * A buffer that reads images of exactly {@code pixels.length} bytes into the given array, for
     * callers that already own the frame memory (for example a preallocated camera frame).
     */
    public SampleBuffer(byte[] pixels) {
        this.pixels = java.util.Objects.requireNonNull(pixels, "pixels");
    }

    /** Sequence number of the value held; 0 before the first successful read. */
    public long sequence() {
        return sequence;
    }

    /** Values the writer published between the caller's last seen sequence and this one. */
    public long skipped() {
        return skipped;
    }

    /** When the writer published the value, in nanoseconds since the Unix epoch. */
    public long writeTimeNanos() {
        return writeTimeNanos;
    }

    /** True when the value held is an image (read into {@link #pixels()}). */
    public boolean isImage() {
        return image;
    }

    /** Image rows; meaningful only when {@link #isImage()}. */
    public int height() {
        return height;
    }

    /** Image columns; meaningful only when {@link #isImage()}. */
    public int width() {
        return width;
    }

    /** Image channels (1, 3 or 4); meaningful only when {@link #isImage()}. */
    public int channels() {
        return channels;
    }

    /**
     * The image's pixels, rows top to bottom, channels interleaved; exactly
     * {@code height * width * channels} bytes long while {@link #isImage()}. The array is reused by
     * the next read of a frame of the same size.
     */
    public byte[] pixels() {
        return pixels;
    }

    /**
     * The value held. For an image this makes an independent {@link Value.ImageValue} with a copy
     * of the pixels (it allocates; readers that avoid allocation use {@link #pixels()}). Null
     * before the first successful read.
     */
    public Value value() {
        if (image) {
            return new Value.ImageValue(height, width, channels, pixels.clone());
        }
        return value;
    }

    /**
     * Makes room for an image of {@code length} bytes: keeps the array when it has exactly that
     * size, so that steady streams of equally sized frames never allocate.
     */
    byte[] pixelsForImage(int length) {
        if (pixels.length != length) {
            pixels = length == 0 ? NO_PIXELS : new byte[length];
        }
        return pixels;
    }

    void setImage(int height, int width, int channels) {
        this.image = true;
        this.height = height;
        this.width = width;
        this.channels = channels;
        this.value = null;
    }

    void setValue(Value value) {
        this.image = false;
        this.value = value;
    }

    void setPosition(long sequence, long skipped, long writeTimeNanos) {
        this.sequence = sequence;
        this.skipped = skipped;
        this.writeTimeNanos = writeTimeNanos;
    }
}
