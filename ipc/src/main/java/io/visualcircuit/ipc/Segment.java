package io.visualcircuit.ipc;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.regex.Pattern;

/**
 * One mapped wire segment file under /dev/shm: opening, creating, growing and remapping it, plus
 * the memory-ordered accessors every other class uses. Not thread-safe: each {@link WireWriter} and
 * {@link WireReader} owns its own instance and is used by one thread at a time.
 */
final class Segment implements AutoCloseable {
    /** Where POSIX shared memory lives on Linux; shm_open(name) is open("/dev/shm/" + name). */
    static final Path SHM_DIRECTORY = Path.of("/dev/shm");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,200}");
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int ZERO_CHUNK = 1 << 16;

    final String name;
    final Path path;
    private final FileChannel channel;
    private final boolean writable;
    /** Read-write mapping of the header (the whole file for writers); futex and waiter words live here. */
    ByteBuffer header;
    /** Mapping of the whole file as last mapped; read-only for readers. */
    ByteBuffer data;
    /**
     * Native address of the futex word in {@link #header}, or 0 until first asked for: finding it
     * binds the native library, which a process that never sleeps on or wakes a wire never needs.
     * Volatile because a writer may be closed (and wake sleepers) from another thread.
     */
    private volatile long notifyAddress;

    private Segment(String name, Path path, FileChannel channel, boolean writable) {
        this.name = name;
        this.path = path;
        this.channel = channel;
        this.writable = writable;
    }

    static Path pathOf(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new WireException("'" + name + "' is not a valid wire segment name (letters, digits, '.', '_' and '-')");
        }
        return SHM_DIRECTORY.resolve(name);
    }

    /** Creates a new segment file of {@code length} zeroed bytes; O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600. */
    static Segment create(String name, long length) {
        Path path = pathOf(name);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new WireException("wire segment " + name + " already exists; refusing to reuse it");
        } catch (IOException e) {
            throw new WireException("cannot create wire segment " + name + ": " + e.getMessage(), e);
        }
        Segment segment = new Segment(name, path, channel, true);
        try {
            segment.growTo(length);
            segment.remap();
            return segment;
        } catch (RuntimeException e) {
            segment.close();
            segment.unlink();
            throw e;
        }
    }

    /** Opens an existing segment; readers map the data read-only and only the header read-write. */
    static Segment open(String name, boolean writable) {
        Path path = pathOf(name);
        FileChannel channel;
        try {
            PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attributes.isRegularFile()) {
                throw new WireException("wire segment " + name + " is not a regular file");
            }
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new WireException("wire segment " + name + " does not exist (has the run stopped?)");
        } catch (IOException e) {
            throw new WireException("cannot open wire segment " + name + ": " + e.getMessage(), e);
        }
        Segment segment = new Segment(name, path, channel, writable);
        try {
            segment.remap();
            return segment;
        } catch (RuntimeException e) {
            segment.close();
            throw e;
        }
    }

    long fileSize() {
        try {
            return channel.size();
        } catch (IOException e) {
            throw new WireException("cannot read the size of wire segment " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Extends the file with zeros up to {@code length}. Writing the zeros (instead of only
     * truncating) makes tmpfs allocate the pages now, so a full /dev/shm is an error here and not a
     * SIGBUS later when the memory is touched.
     */
    void growTo(long length) {
        if (length > WireLayout.MAX_SEGMENT_LENGTH) {
            throw new WireException("wire segment " + name + " would grow to " + length + " bytes, over the limit of "
                    + WireLayout.MAX_SEGMENT_LENGTH);
        }
        try {
            long size = channel.size();
            ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
            while (size < length) {
                zeros.clear().limit((int) Math.min(ZERO_CHUNK, length - size));
                size += channel.write(zeros, size);
            }
        } catch (IOException e) {
            throw new WireException("cannot grow wire segment " + name + " to " + length + " bytes: " + e.getMessage()
                    + " (is /dev/shm full?)", e);
        }
    }

    /** Maps the file at its current length, replacing earlier mappings (the GC unmaps those). */
    void remap() {
        long size = fileSize();
        if (size < WireLayout.HEADER_LENGTH) {
            throw new WireException("wire segment " + name + " is only " + size + " bytes, too small for a wire header");
        }
        if (size > WireLayout.MAX_SEGMENT_LENGTH) {
            throw new WireException("wire segment " + name + " is " + size + " bytes, larger than a wire may be");
        }
        try {
            MappedByteBuffer whole = channel.map(writable ? FileChannel.MapMode.READ_WRITE : FileChannel.MapMode.READ_ONLY,
                    0, size);
            whole.order(ByteOrder.LITTLE_ENDIAN);
            data = whole;
            if (writable) {
                header = whole;
            } else if (header == null) {
                header = channel.map(FileChannel.MapMode.READ_WRITE, 0, WireLayout.HEADER_LENGTH)
                        .order(ByteOrder.LITTLE_ENDIAN);
            }
            notifyAddress = 0;
        } catch (IOException e) {
            throw new WireException("cannot map wire segment " + name + ": " + e.getMessage(), e);
        }
    }

    /** Native address of the wire's futex word, for {@link Posix#futexWait} and {@link Posix#futexWakeAll}. */
    long notifyAddress() {
        long a = notifyAddress;
        if (a == 0) {
            a = Posix.address(header) + WireLayout.NOTIFY_OFFSET;
            notifyAddress = a;
        }
        return a;
    }

    int mappedLength() {
        return data.capacity();
    }

    // Accessors named by memory ordering, as the wire format's steps are described.

    static long getLongPlain(ByteBuffer buf, int offset) {
        return buf.getLong(offset);
    }

    static long getLongAcquire(ByteBuffer buf, int offset) {
        return (long) LONG.getAcquire(buf, offset);
    }

    static long getLongVolatile(ByteBuffer buf, int offset) {
        return (long) LONG.getVolatile(buf, offset);
    }

    static void putLongRelease(ByteBuffer buf, int offset, long value) {
        LONG.setRelease(buf, offset, value);
    }

    static void putLongOpaque(ByteBuffer buf, int offset, long value) {
        LONG.setOpaque(buf, offset, value);
    }

    static int getIntAcquire(ByteBuffer buf, int offset) {
        return (int) INT.getAcquire(buf, offset);
    }

    static int getIntVolatile(ByteBuffer buf, int offset) {
        return (int) INT.getVolatile(buf, offset);
    }

    static void putIntRelease(ByteBuffer buf, int offset, int value) {
        INT.setRelease(buf, offset, value);
    }

    /** Atomic add with full-fence semantics (a locked instruction on x86). */
    static int getAndAddIntVolatile(ByteBuffer buf, int offset, int delta) {
        return (int) INT.getAndAdd(buf, offset, delta);
    }

    void unlink() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Nothing useful to do: the sweep at the next start removes what is left.
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // Closing a channel over tmpfs does not fail in practice; the mapping stays valid anyway.
        }
    }
}
