"""VisualCircuit wires for Python: read and write the shared-memory segments of a running circuit.

A wire is a POSIX shared-memory segment (/dev/shm/NAME) laid out as described in WIRE-FORMAT.md,
which ships beside the Java implementation. This module uses only the standard library (mmap,
struct, ctypes); numpy is used when present for arrays and images.

    w = Writer("vc-1000-0123456789ab-3")      # attach as the wire's single writer
    w.write(3.5)                              # float, int, bool, str, list, numpy array, image
    r = Reader("vc-1000-0123456789ab-3")
    seq, value = r.read()                     # latest value (None before the first write)
    got = r.wait(seq, timeout_s=1.0)          # block until a newer value, or None on timeout

Readers never see a half-written value and never slow the writer down; a slow reader simply
skips values. Objects of this module are not thread-safe: use one per thread.

Memory ordering: CPython executes the stores and loads below in program order, and x86-64 keeps
store order and load order, which is what the seqlock protocol needs. The futex calls are full
barriers. (On weakly ordered CPUs such as aarch64 the Java client is the reference.)
"""

import ctypes
import os
import platform
import struct
import time

try:
    import numpy as _np
except ImportError:  # numpy is optional; arrays then come back as lists and tuples
    _np = None

__all__ = ["Writer", "Reader", "WireError"]

SHM_DIRECTORY = "/dev/shm"

MAGIC = 0x52574356
VERSION = 2
HEADER_LENGTH = 256
CACHE_LINE = 64

MAGIC_OFFSET = 0
VERSION_OFFSET = 4
HEADER_LENGTH_OFFSET = 8
SLOT_COUNT_OFFSET = 12
GENERATION_OFFSET = 16
SLOTS_OFFSET_OFFSET = 24
SLOT_CAPACITY_OFFSET = 32
SLOT_STRIDE_OFFSET = 40
SEQUENCE_OFFSET = 64
NOTIFY_OFFSET = 72
LAST_WRITE_TIME_OFFSET = 80
WRITER_PID_OFFSET = 128
WRITER_STATE_OFFSET = 132
WRITER_START_TICKS_OFFSET = 136
WAITERS_OFFSET = 192

WRITER_STATE_ATTACHED = 1
WRITER_STATE_CLOSED = 2

SLOT_HEADER_LENGTH = 32
SLOT_TYPE_OFFSET = 8
SLOT_LENGTH_OFFSET = 16
SLOT_WRITE_TIME_OFFSET = 24

MAX_SLOT_COUNT = 64
MAX_SLOT_CAPACITY = 512 * 1024 * 1024
MAX_SEGMENT_LENGTH = 2**31 - 1 - 4096
MAX_DIMENSIONS = 32
MAX_TYPESTR_LENGTH = 32

TYPE_NUMBER = 1
TYPE_BOOLEAN = 2
TYPE_LONG = 3
TYPE_STRING = 4
TYPE_DOUBLE_ARRAY = 5
TYPE_IMAGE = 6
TYPE_NDARRAY = 7

_MAX_ATTEMPTS = 1_000_000


class WireError(Exception):
    """A wire segment is missing, corrupted, hostile, or cannot be created or grown."""


# --- futex ------------------------------------------------------------------------------------

_SYS_FUTEX = {"x86_64": 202, "amd64": 202, "aarch64": 98, "arm64": 98, "riscv64": 98}.get(platform.machine().lower())
_FUTEX_WAIT = 0
_FUTEX_WAKE = 1
_FUTEX_WAKE_OP = 5
_FUTEX_OP_ADD = 1
_FUTEX_OP_CMP_EQ = 0
_libc = ctypes.CDLL(None, use_errno=True)
_libc.syscall.restype = ctypes.c_long


class _Timespec(ctypes.Structure):
    _fields_ = [("tv_sec", ctypes.c_long), ("tv_nsec", ctypes.c_long)]


def _futex_wait(address, expected, timeout_s):
    ts = _Timespec(int(timeout_s), int((timeout_s - int(timeout_s)) * 1e9))
    _libc.syscall(ctypes.c_long(_SYS_FUTEX), ctypes.c_void_p(address), ctypes.c_int(_FUTEX_WAIT),
                  ctypes.c_uint(expected & 0xFFFFFFFF), ctypes.byref(ts),
                  ctypes.c_void_p(0), ctypes.c_int(0))


def _futex_add_and_wake(address, delta, wake):
    """Atomically adds delta (-2048..2047) to the u32 at address (in the kernel, a full barrier)
    and wakes up to `wake` waiters on it. Python has no atomic read-modify-write on shared memory;
    FUTEX_WAKE_OP gives us one."""
    op = (_FUTEX_OP_ADD << 28) | (_FUTEX_OP_CMP_EQ << 24) | ((delta & 0xFFF) << 12)
    _libc.syscall(ctypes.c_long(_SYS_FUTEX), ctypes.c_void_p(address), ctypes.c_int(_FUTEX_WAKE_OP),
                  ctypes.c_int(wake), ctypes.c_void_p(0), ctypes.c_void_p(address), ctypes.c_int(op))


# --- process liveness ---------------------------------------------------------------------------

def _stat_fields(pid):
    try:
        with open("/proc/%d/stat" % pid, "rb") as f:
            stat = f.read().decode("ascii", "replace")
    except OSError:
        return None
    close = stat.rfind(")")
    if close < 0:
        return None
    return stat[close + 2:].split()


def _start_ticks(pid):
    fields = _stat_fields(pid)
    return int(fields[19]) if fields and len(fields) > 19 else 0


def _process_alive(pid, start_ticks):
    if pid <= 0:
        return False
    fields = _stat_fields(pid)
    if not fields or len(fields) < 20 or fields[0] in ("Z", "X", "x"):
        return False
    try:
        return int(fields[19]) == start_ticks
    except ValueError:
        return False


# --- mapping ------------------------------------------------------------------------------------

def _path_of(name):
    if (not name or "/" in name or ".." in name or len(name) > 201
            or not all(c.isalnum() or c in "._-" for c in name) or not name[0].isalnum()):
        raise WireError("%r is not a valid wire segment name" % (name,))
    return os.path.join(SHM_DIRECTORY, name)


def _slot_stride(capacity):
    return (SLOT_HEADER_LENGTH + capacity + CACHE_LINE - 1) & ~(CACHE_LINE - 1)


class _Segment:
    """An open, mapped segment. All field access goes through aligned 8- and 4-byte views so that
    every load and store of a field is a single machine access."""

    def __init__(self, name):
        import mmap
        self._mmap_module = mmap
        self.name = name
        path = _path_of(name)
        try:
            self.fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC)
        except FileNotFoundError:
            raise WireError("wire segment %s does not exist (has the run stopped?)" % name) from None
        except OSError as e:
            raise WireError("cannot open wire segment %s: %s" % (name, e.strerror)) from None
        self.mm = None
        self._views = ()
        try:
            self.remap()
        except Exception:
            os.close(self.fd)
            raise

    def file_size(self):
        return os.fstat(self.fd).st_size

    def remap(self):
        size = self.file_size()
        if size < HEADER_LENGTH:
            raise WireError("wire segment %s is only %d bytes, too small for a wire header" % (self.name, size))
        if size > MAX_SEGMENT_LENGTH:
            raise WireError("wire segment %s is %d bytes, larger than a wire may be" % (self.name, size))
        self.release()
        self.mm = self._mmap_module.mmap(self.fd, size)
        usable = size & ~7
        self.buf = memoryview(self.mm)
        self.q = self.buf[:usable].cast("Q")
        self.i = self.buf[:usable].cast("I")
        self._anchor = ctypes.c_char.from_buffer(self.mm)
        self.address = ctypes.addressof(self._anchor)
        self._views = (self.q, self.i, self.buf)

    def release(self):
        for v in self._views:
            v.release()
        self._views = ()
        self._anchor = None
        if self.mm is not None:
            self.mm.close()
            self.mm = None

    def close(self):
        self.release()
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1

    # Field accessors; offsets are byte offsets and always aligned.
    def u64(self, offset):
        return self.q[offset >> 3]

    def set_u64(self, offset, value):
        self.q[offset >> 3] = value & 0xFFFFFFFFFFFFFFFF

    def u32(self, offset):
        return self.i[offset >> 2]

    def set_u32(self, offset, value):
        self.i[offset >> 2] = value & 0xFFFFFFFF

    def i64(self, offset):
        return struct.unpack_from("<q", self.buf, offset)[0]

    def i32(self, offset):
        return struct.unpack_from("<i", self.buf, offset)[0]


def _check_identity(seg, wait_s):
    deadline = time.monotonic() + wait_s
    version = seg.u32(VERSION_OFFSET)
    while version == 0 and time.monotonic() < deadline:
        time.sleep(0.001)
        version = seg.u32(VERSION_OFFSET)
    magic = seg.u32(MAGIC_OFFSET)
    if magic != MAGIC:
        raise WireError("wire segment %s is corrupted or not a VisualCircuit wire: magic is 0x%08x" % (seg.name, magic))
    if version == 0:
        raise WireError("wire segment %s was never finished by its creator (version is 0)" % seg.name)
    if version != VERSION:
        raise WireError("wire segment %s uses format version %d; this client reads version %d"
                        % (seg.name, version, VERSION))
    if seg.u32(HEADER_LENGTH_OFFSET) != HEADER_LENGTH:
        raise WireError("wire segment %s is corrupted: header length is %d" % (seg.name, seg.u32(HEADER_LENGTH_OFFSET)))


def _read_layout(seg):
    """(generation, slot_count, slots_offset, capacity, stride) or None while a resize runs."""
    g1 = seg.u64(GENERATION_OFFSET)
    if g1 & 1:
        return None
    count = seg.u32(SLOT_COUNT_OFFSET)
    offset = seg.u64(SLOTS_OFFSET_OFFSET)
    capacity = seg.u64(SLOT_CAPACITY_OFFSET)
    stride = seg.u64(SLOT_STRIDE_OFFSET)
    if seg.u64(GENERATION_OFFSET) != g1:
        return None
    bad = None
    if not 2 <= count <= MAX_SLOT_COUNT:
        bad = "slot count %d is outside 2..%d" % (count, MAX_SLOT_COUNT)
    elif offset < HEADER_LENGTH or offset > MAX_SEGMENT_LENGTH or offset % CACHE_LINE:
        bad = "slots offset %d is not a cache-line-aligned offset after the header" % offset
    elif not 0 < capacity <= MAX_SLOT_CAPACITY:
        bad = "slot capacity %d is out of range" % capacity
    elif stride != _slot_stride(capacity):
        bad = "slot stride %d does not match capacity %d" % (stride, capacity)
    elif offset + count * stride > seg.file_size():
        bad = "slots end beyond the segment's %d bytes" % seg.file_size()
    if bad:
        raise WireError("wire segment %s is corrupted or not a VisualCircuit wire: %s" % (seg.name, bad))
    return g1, count, offset, capacity, stride


def _array_header_length(ndim, typestr_length):
    raw = 4 + 4 * ndim + ((4 + typestr_length) if typestr_length else 0)
    return (raw + 7) & ~7


def _item_size(typestr):
    if (not 3 <= len(typestr) <= MAX_TYPESTR_LENGTH or typestr[0] not in "<>|=" or typestr[1] not in "bBiufcmMOSUV?"
            or not typestr[2:].isdigit() or len(typestr) > 6 or int(typestr[2:]) == 0):
        raise ValueError("not a numpy typestr: %r" % (typestr,))
    # numpy counts characters for its unicode kind and stores each as 4 bytes (UCS-4).
    return int(typestr[2:]) * (4 if typestr[1] == "U" else 1)


# --- encoding -----------------------------------------------------------------------------------

def _encode(value):
    """(type code, payload as a bytes-like object) for a Python value."""
    if isinstance(value, bool) or (_np is not None and isinstance(value, _np.bool_)):
        return TYPE_BOOLEAN, b"\x01" if value else b"\x00"
    if isinstance(value, int) or (_np is not None and isinstance(value, _np.integer)):
        return TYPE_LONG, struct.pack("<q", int(value))
    if isinstance(value, float) or (_np is not None and isinstance(value, _np.floating)):
        return TYPE_NUMBER, struct.pack("<d", float(value))
    if isinstance(value, str):
        return TYPE_STRING, value.encode("utf-8")
    if _np is not None and isinstance(value, _np.ndarray):
        if value.dtype == _np.uint8 and (value.ndim == 2 or (value.ndim == 3 and value.shape[2] in (1, 3, 4))):
            return _encode_image(value)
        if value.dtype == _np.float64:
            return _encode_double_array(value.shape, value)
        return _encode_ndarray(value.dtype.str, value.shape, value)
    if isinstance(value, (list, tuple)):
        if _np is not None:
            return _encode(_np.asarray(value, dtype=_np.float64))
        flat = [float(v) for v in value]
        return _encode_double_array((len(flat),), flat)
    raise TypeError("a wire cannot carry a value of type %s" % type(value).__name__)


def _shape_bytes(shape, typestr=None):
    if len(shape) > MAX_DIMENSIONS:
        raise ValueError("arrays have at most %d dimensions" % MAX_DIMENSIONS)
    parts = [struct.pack("<I", len(shape)), struct.pack("<%dI" % len(shape), *shape)]
    if typestr is not None:
        ts = typestr.encode("ascii")
        parts += [struct.pack("<I", len(ts)), ts]
    head = b"".join(parts)
    return head + b"\x00" * (_array_header_length(len(shape), len(typestr) if typestr else 0) - len(head))


def _encode_double_array(shape, data):
    shape = tuple(int(d) for d in shape) or (1,)
    if _np is not None:
        body = _np.ascontiguousarray(data, dtype="<f8").tobytes()
    else:
        body = struct.pack("<%dd" % len(data), *data)
    return TYPE_DOUBLE_ARRAY, _shape_bytes(shape) + body


def _encode_image(img):
    h, w = img.shape[0], img.shape[1]
    c = img.shape[2] if img.ndim == 3 else 1
    if c not in (1, 3, 4):
        raise ValueError("images have 1, 3 or 4 channels, not %d" % c)
    return TYPE_IMAGE, (struct.pack("<IIII", h, w, c, 0), _np.ascontiguousarray(img))


def _encode_ndarray(typestr, shape, data):
    _item_size(typestr)
    if _np is not None and isinstance(data, _np.ndarray):
        body = _np.ascontiguousarray(data).tobytes()
    else:
        body = bytes(data)
    return TYPE_NDARRAY, _shape_bytes(tuple(int(d) for d in shape), typestr) + body


def _payload_length(payload):
    if isinstance(payload, tuple):
        return len(payload[0]) + payload[1].nbytes
    return len(payload)


# --- decoding -----------------------------------------------------------------------------------

class _Malformed(Exception):
    pass


def _read_shape(buf, pos, length):
    if length < 4:
        raise _Malformed()
    ndim = struct.unpack_from("<I", buf, pos)[0]
    if ndim > MAX_DIMENSIONS or 4 + 4 * ndim > length:
        raise _Malformed()
    shape = struct.unpack_from("<%dI" % ndim, buf, pos + 4)
    product = 1
    for d in shape:
        if d > 2**31 - 1:
            raise _Malformed()
        product *= d
        if product > length:
            raise _Malformed()
    return shape, product


def _decode(buf, pos, type_code, length):
    if type_code == TYPE_NUMBER and length == 8:
        return struct.unpack_from("<d", buf, pos)[0]
    if type_code == TYPE_BOOLEAN and length == 1:
        b = buf[pos]
        if b > 1:
            raise _Malformed()
        return b == 1
    if type_code == TYPE_LONG and length == 8:
        return struct.unpack_from("<q", buf, pos)[0]
    if type_code == TYPE_STRING:
        return bytes(buf[pos:pos + length]).decode("utf-8", "replace")
    if type_code == TYPE_DOUBLE_ARRAY:
        shape, count = _read_shape(buf, pos, length)
        header = _array_header_length(len(shape), 0)
        if not shape or header + 8 * count != length:
            raise _Malformed()
        if _np is not None:
            arr = _np.empty(count, dtype=_np.float64)
            arr[:] = _np.frombuffer(buf, dtype="<f8", count=count, offset=pos + header)
            return arr.reshape(shape)
        return _nest(list(struct.unpack_from("<%dd" % count, buf, pos + header)), shape)
    if type_code == TYPE_IMAGE:
        if length < 16:
            raise _Malformed()
        h, w, c, _ = struct.unpack_from("<IIII", buf, pos)
        if c not in (1, 3, 4) or 16 + h * w * c != length:
            raise _Malformed()
        if _np is None:
            return (h, w, c, bytes(buf[pos + 16:pos + 16 + h * w * c]))
        img = _np.empty(h * w * c, dtype=_np.uint8)
        img[:] = _np.frombuffer(buf, dtype=_np.uint8, count=h * w * c, offset=pos + 16)
        return img.reshape((h, w) if c == 1 else (h, w, c))
    if type_code == TYPE_NDARRAY:
        shape, count = _read_shape(buf, pos, length)
        p = pos + 4 + 4 * len(shape)
        if 4 + 4 * len(shape) + 4 > length:
            raise _Malformed()
        ts_length = struct.unpack_from("<I", buf, p)[0]
        if not 0 < ts_length <= MAX_TYPESTR_LENGTH or 4 + 4 * len(shape) + 4 + ts_length > length:
            raise _Malformed()
        typestr = bytes(buf[p + 4:p + 4 + ts_length]).decode("ascii", "replace")
        try:
            size = _item_size(typestr)
        except ValueError:
            raise _Malformed() from None
        header = _array_header_length(len(shape), ts_length)
        if header + count * size != length:
            raise _Malformed()
        data = bytes(buf[pos + header:pos + length])
        if _np is None:
            return (typestr, tuple(shape), data)
        return _np.frombuffer(data, dtype=_np.dtype(typestr)).reshape(shape).copy()
    raise _Malformed()


def _nest(flat, shape):
    if len(shape) <= 1:
        return flat
    step = len(flat) // shape[0] if shape[0] else 0
    return [_nest(flat[k * step:(k + 1) * step], shape[1:]) for k in range(shape[0])]


# --- public API ---------------------------------------------------------------------------------

class Reader:
    """Reads one wire. Never blocks the writer; never returns a torn value."""

    def __init__(self, name):
        self._seg = _Segment(name)
        try:
            _check_identity(self._seg, 0.05)
            self._layout = None
            self._refresh_layout()
        except Exception:
            self._seg.close()
            raise
        self._last = 0

    def sequence(self):
        """Sequence number of the latest published value; 0 if nothing was written yet."""
        return self._seg.u64(SEQUENCE_OFFSET)

    def read(self):
        """(seq, value) of the latest value, or None if nothing was written yet."""
        got = self._read_latest()
        if got is not None:
            self._last = got[0]
        return got

    def read_if_newer(self, last_seq):
        """(seq, value) if a value newer than last_seq exists, else None."""
        if self.sequence() <= last_seq:
            return None
        got = self._read_latest()
        return got if got is not None and got[0] > last_seq else None

    def skipped_since(self, last_seq):
        """How many values were published after last_seq and before the latest one."""
        return max(0, self.sequence() - last_seq - 1)

    def wait(self, last_seq, timeout_s):
        """Blocks until a value newer than last_seq is published; (seq, value), or None on timeout."""
        deadline = time.monotonic() + timeout_s
        seg = self._seg
        while True:
            got = self.read_if_newer(last_seq)
            if got is not None:
                return got
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return None
            # Count ourselves as a waiter (a full fence) before reading the notify word and
            # re-checking the sequence: the writer publishes, fences, then bumps the notify word
            # and wakes only when it sees a waiter, so either it sees us or we see its value.
            _futex_add_and_wake(seg.address + WAITERS_OFFSET, 1, 0)
            try:
                word = seg.u32(NOTIFY_OFFSET)
                if self.sequence() <= last_seq:
                    _futex_wait(seg.address + NOTIFY_OFFSET, word, min(remaining, 0.1))
            finally:
                _futex_add_and_wake(seg.address + WAITERS_OFFSET, -1, 0)

    def writer_alive(self):
        """True while the writer process is attached and alive; False means the value is stale."""
        seg = self._seg
        if seg.u32(WRITER_STATE_OFFSET) != WRITER_STATE_ATTACHED:
            return False
        return _process_alive(seg.i32(WRITER_PID_OFFSET), seg.u64(WRITER_START_TICKS_OFFSET))

    def last_write_time_ns(self):
        """When the writer last published, in nanoseconds since the Unix epoch (0 if never)."""
        return self._seg.i64(LAST_WRITE_TIME_OFFSET)

    def close(self):
        self._seg.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _refresh_layout(self):
        deadline = time.monotonic() + 5.0
        while True:
            layout = _read_layout(self._seg)
            if layout is not None:
                end = layout[2] + layout[1] * layout[4]
                if end > len(self._seg.mm):
                    self._seg.remap()
                self._layout = layout
                return
            if time.monotonic() > deadline:
                raise WireError("wire %s stays mid-resize; its writer may have died" % self._seg.name)
            time.sleep(0)

    def _read_latest(self):
        seg = self._seg
        mismatches = 0
        odd_since = None
        for _ in range(_MAX_ATTEMPTS):
            generation = seg.u64(GENERATION_OFFSET)
            if generation & 1:
                now = time.monotonic()
                odd_since = odd_since or now
                if now - odd_since > 0.001 and not self.writer_alive():
                    raise WireError("the writer of wire %s died while resizing it" % seg.name)
                if now - odd_since > 5.0:
                    raise WireError("wire %s has been resizing for over 5 s" % seg.name)
                time.sleep(0)
                continue
            if generation != self._layout[0]:
                self._refresh_layout()
                continue
            _, count, offset, capacity, stride = self._layout
            seq = seg.u64(SEQUENCE_OFFSET)
            if seq == 0:
                return None
            slot = offset + (seq % count) * stride
            stamp = seg.u64(slot)
            if stamp != (seq << 1) & 0xFFFFFFFFFFFFFFFF:
                if seg.u64(SEQUENCE_OFFSET) == seq and seg.u64(GENERATION_OFFSET) == generation:
                    mismatches += 1
                    if mismatches > 3:
                        raise WireError("wire segment %s is corrupted: slot stamp %d does not match sequence %d"
                                        % (seg.name, stamp, seq))
                continue
            type_code = seg.u32(slot + SLOT_TYPE_OFFSET)
            length = seg.u64(slot + SLOT_LENGTH_OFFSET)
            value = None
            malformed = length > capacity
            if not malformed:
                try:
                    value = _decode(seg.buf, slot + SLOT_HEADER_LENGTH, type_code, length)
                except (_Malformed, struct.error, ValueError, IndexError):
                    malformed = True
            if seg.u64(slot) != stamp or seg.u64(GENERATION_OFFSET) != generation:
                continue
            if malformed:
                raise WireError("wire segment %s is corrupted: slot for sequence %d holds a malformed value"
                                % (seg.name, seq))
            return seq, value
        raise WireError("could not read a consistent value from wire %s" % seg.name)


class Writer:
    """Attaches to an existing wire as its single writer and publishes values on it."""

    def __init__(self, name):
        self._seg = _Segment(name)
        seg = self._seg
        try:
            _check_identity(seg, 0.0)
            layout = _read_layout(seg)
            if layout is None:
                raise WireError("wire segment %s was left half-resized by a writer that died" % name)
            self._generation, self._count, self._offset, self._capacity, self._stride = layout
            self._seq = seg.u64(SEQUENCE_OFFSET)
            seg.set_u32(WRITER_PID_OFFSET, os.getpid())
            seg.set_u64(WRITER_START_TICKS_OFFSET, _start_ticks(os.getpid()))
            seg.set_u32(WRITER_STATE_OFFSET, WRITER_STATE_ATTACHED)
        except Exception:
            seg.close()
            raise
        self._closed = False

    @classmethod
    def create(cls, name, capacity=64):
        """Creates a new wire segment (O_CREAT|O_EXCL|O_NOFOLLOW, mode 0600) and attaches to it.
        The VisualCircuit runtime creates the wires of a run itself; this is for tools and tests.
        Remove the segment with unlink() when done."""
        if not 0 < capacity <= MAX_SLOT_CAPACITY:
            raise ValueError("capacity must be 1..%d bytes" % MAX_SLOT_CAPACITY)
        path = _path_of(name)
        count = 3
        stride = _slot_stride(capacity)
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
        except FileExistsError:
            raise WireError("wire segment %s already exists; refusing to reuse it" % name) from None
        except OSError as e:
            raise WireError("cannot create wire segment %s: %s" % (name, e.strerror)) from None
        try:
            os.posix_fallocate(fd, 0, HEADER_LENGTH + count * stride)
            header = bytearray(HEADER_LENGTH)
            struct.pack_into("<IIII", header, MAGIC_OFFSET, MAGIC, 0, HEADER_LENGTH, count)
            struct.pack_into("<QQQQ", header, GENERATION_OFFSET, 0, HEADER_LENGTH, capacity, stride)
            os.pwrite(fd, bytes(header), 0)
            # The version goes in last: readers treat version 0 as "not ready yet".
            os.pwrite(fd, struct.pack("<I", VERSION), VERSION_OFFSET)
        except OSError as e:
            os.close(fd)
            os.unlink(path)
            raise WireError("cannot create wire segment %s: %s" % (name, e.strerror)) from None
        os.close(fd)
        return cls(name)

    def unlink(self):
        """Removes the segment name; mapped readers keep working until they close."""
        try:
            os.unlink(_path_of(self._seg.name))
        except FileNotFoundError:
            pass

    def sequence(self):
        """Sequence number of the last value this writer published."""
        return self._seq

    def write(self, value):
        """Publishes value, choosing its wire type: bool, int (int64), float, str, a list or float64
        array (n-d float array), a uint8 array of shape (h, w) or (h, w, 1|3|4) (image), or any
        other numpy array (n-d array with its dtype)."""
        type_code, payload = _encode(value)
        self._publish(type_code, payload)

    def write_number(self, value):
        self._publish(TYPE_NUMBER, struct.pack("<d", float(value)))

    def write_bool(self, value):
        self._publish(TYPE_BOOLEAN, b"\x01" if value else b"\x00")

    def write_int(self, value):
        self._publish(TYPE_LONG, struct.pack("<q", int(value)))

    def write_string(self, value):
        self._publish(TYPE_STRING, str(value).encode("utf-8"))

    def write_array(self, value, shape=None):
        if _np is not None:
            arr = _np.asarray(value, dtype=_np.float64)
            self._publish(*_encode_double_array(shape or arr.shape, arr))
        else:
            flat = [float(v) for v in value]
            self._publish(*_encode_double_array(shape or (len(flat),), flat))

    def write_image(self, image):
        if _np is None:
            raise WireError("writing images needs numpy")
        image = _np.asarray(image)
        if image.dtype != _np.uint8 or image.ndim not in (2, 3):
            raise ValueError("images are uint8 arrays of shape (h, w) or (h, w, c)")
        self._publish(*_encode_image(image))

    def write_ndarray(self, value, typestr=None, shape=None):
        if _np is not None and isinstance(value, _np.ndarray):
            self._publish(*_encode_ndarray(typestr or value.dtype.str, shape or value.shape, value))
        else:
            if typestr is None or shape is None:
                raise ValueError("raw bytes need a typestr and a shape")
            self._publish(*_encode_ndarray(typestr, shape, value))

    def close(self):
        """Marks the wire as closed by its writer and wakes readers; the segment stays."""
        if self._closed:
            return
        self._closed = True
        seg = self._seg
        seg.set_u32(WRITER_STATE_OFFSET, WRITER_STATE_CLOSED)
        _futex_add_and_wake(seg.address + NOTIFY_OFFSET, 1, 2**31 - 1)
        seg.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _publish(self, type_code, payload):
        if self._closed:
            raise WireError("wire %s is closed for writing" % self._seg.name)
        length = _payload_length(payload)
        if length > self._capacity:
            self._grow(length)
        seg = self._seg
        seq = self._seq + 1
        slot = self._offset + (seq % self._count) * self._stride
        seg.set_u64(slot, (seq << 1) | 1)
        now = time.time_ns()
        seg.set_u32(slot + SLOT_TYPE_OFFSET, type_code)
        seg.set_u64(slot + SLOT_LENGTH_OFFSET, length)
        struct.pack_into("<q", seg.buf, slot + SLOT_WRITE_TIME_OFFSET, now)
        pos = slot + SLOT_HEADER_LENGTH
        if isinstance(payload, tuple):
            head, body = payload
            seg.buf[pos:pos + len(head)] = head
            pos += len(head)
            seg.buf[pos:pos + body.nbytes] = body.reshape(-1).view(_np.uint8)
        else:
            seg.buf[pos:pos + length] = payload
        seg.set_u64(slot, seq << 1)
        struct.pack_into("<q", seg.buf, LAST_WRITE_TIME_OFFSET, now)
        seg.set_u64(SEQUENCE_OFFSET, seq)
        self._seq = seq
        # One system call bumps the notify word atomically (a full barrier) and wakes all sleepers.
        _futex_add_and_wake(seg.address + NOTIFY_OFFSET, 1, 2**31 - 1)

    def _grow(self, needed):
        if needed > MAX_SLOT_CAPACITY:
            raise WireError("a value of %d bytes is larger than a wire can carry" % needed)
        seg = self._seg
        capacity = max(needed, min(MAX_SLOT_CAPACITY, self._capacity * 2))
        stride = _slot_stride(capacity)
        offset = (seg.file_size() + 4095) & ~4095
        length = offset + self._count * stride
        if length > MAX_SEGMENT_LENGTH:
            raise WireError("wire %s would grow beyond %d bytes" % (seg.name, MAX_SEGMENT_LENGTH))
        try:
            os.posix_fallocate(seg.fd, 0, length)
        except OSError as e:
            raise WireError("cannot grow wire %s to %d bytes: %s (is /dev/shm full?)" % (seg.name, length, e.strerror))
        seg.remap()
        if self._seq > 0:
            src = self._offset + (self._seq % self._count) * self._stride
            dst = offset + (self._seq % self._count) * stride
            n = SLOT_HEADER_LENGTH + seg.u64(src + SLOT_LENGTH_OFFSET)
            seg.buf[dst:dst + n] = seg.buf[src:src + n]
        seg.set_u64(GENERATION_OFFSET, self._generation + 1)
        seg.set_u64(SLOTS_OFFSET_OFFSET, offset)
        seg.set_u64(SLOT_CAPACITY_OFFSET, capacity)
        seg.set_u64(SLOT_STRIDE_OFFSET, stride)
        seg.set_u64(GENERATION_OFFSET, self._generation + 2)
        self._generation += 2
        self._offset, self._capacity, self._stride = offset, capacity, stride
