"""VisualCircuit Python block host.

The runtime starts one python3 process per code block:

    python3 -u vc_host.py SPEC-FILE

SPEC-FILE describes the block (its wires, rate, parameters and the file holding the user's code;
see BlockSpec in the runtime). The host attaches to the block's wires through vcwire, offers the
VisualCircuit block API (inputs, outputs, parameters, synchronise) and runs the user's code:
either ``main(inputs, outputs, parameters, synchronise)``, which loops by itself, or the simpler
``step(inputs, outputs, parameters)``, which the host calls at the block's rate. Code written for
VisualCircuit 2, ``loop(block_name, input_wires, output_wires, parameters, flags)`` with the
``utils.wires`` helpers, runs through the VC2 layer further down.

Stopping: the runtime sends ``stop``. synchronise() then ends the block; a block that is not
calling synchronise() (and every VC2 block, whose code releases its wires in ``except
KeyboardInterrupt``) gets a KeyboardInterrupt in its thread, as Ctrl+C gave it in VisualCircuit.

The runtime talks to the host over stdin (``go``, ``stop``, ``set<TAB>name<TAB>value``) and reads
its reports from lines starting with the MARK below. After reporting ready the host waits for
``go``, which the runtime sends once every block of the circuit is ready, so that no block
publishes values while the blocks reading them are still starting. The end of stdin means the runtime has died: the
process exits at once, so no block outlives its runtime.
"""

import ctypes
import os
import re
import signal
import sys
import threading
import time
import traceback
import types

MARK = "\x01vc "
EXIT_BLOCK_FAILED = 70
EXIT_SETUP_FAILED = 71
EXIT_RUNTIME_GONE = 72
IDLE_WAIT_S = 0.1
STATS_EVERY_S = 0.25
# A main() still running this long after a stop request gets a KeyboardInterrupt.
INTERRUPT_AFTER_S = 0.3
# Reads of a wire that has no value yet, in a row without synchronise(), before each such read
# waits a little: code such as "if frame is None: continue" would otherwise spin a core.
IDLE_READS_BEFORE_WAIT = 50
IDLE_READ_WAIT_S = 0.005
ENABLE_INPUT = "Enable"

try:
    import numpy as np
except ImportError:  # numpy is only needed for arrays and images; numbers still work without it
    np = None


class InvalidInputNameException(Exception):
    """The block read an input port it does not have."""


class InvalidOutputNameException(Exception):
    """The block wrote an output port it does not have."""


class InvalidParameterNameException(Exception):
    """The block read a parameter it does not have."""


class _StopBlock(BaseException):
    """Raised inside synchronise() when the runtime asks the block to stop.

    A BaseException, so that a user's ``except Exception`` does not swallow the stop.
    """


class _NumberArray(list):
    """Stands in for a (1,) float64 array when numpy is missing: x[0] and float(x) both work."""

    def __float__(self):
        return float(self[0])

    def __int__(self):
        return int(self[0])


if np is not None:
    class _Number(np.ndarray):
        """A (1,) float64 array that also converts with float() and int(), as in VisualCircuit.

        Recent numpy versions refuse float() on a 1-element 1-D array; blocks written for
        VisualCircuit call both float(x) and float(x[0]).
        """

        def __float__(self):
            return float(self.reshape(-1)[0])

        def __int__(self):
            return int(self.reshape(-1)[0])


def _report(text):
    sys.stderr.write(MARK + text + "\n")
    sys.stderr.flush()


def _fail(code, message, echo=True):
    if echo:
        sys.stderr.write(message + "\n")
    _report("error " + message.replace("\n", " "))
    sys.stdout.flush()
    os._exit(code)


def _unescape(s):
    out = []
    i = 0
    while i < len(s):
        c = s[i]
        if c == "\\" and i + 1 < len(s):
            i += 1
            n = s[i]
            out.append({"n": "\n", "r": "\r", "t": "\t"}.get(n, n))
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _decode(text):
    kind, body = text[0], text[2:]
    if kind == "d":
        return float(body)
    if kind == "l":
        return int(body)
    if kind == "b":
        return body == "true"
    return _unescape(body)


def read_spec(path):
    """Reads the block spec file the runtime wrote (the same format BlockSpec.write produces)."""
    spec = {"inputs": [], "outputs": [], "params": {}, "stats": None, "code": None,
            "rate": 30.0, "parent": -1}
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines or not lines[0].startswith("vc-block-spec\t"):
        raise ValueError(path + " is not a block spec file")
    for raw in lines[1:]:
        if not raw:
            continue
        f = [_unescape(x) for x in raw.split("\t")]
        key = f[0]
        if key in ("block", "type", "stats", "code"):
            spec[key] = f[1]
        elif key == "rate":
            spec["rate"] = float(f[1])
        elif key == "parent":
            spec["parent"] = int(f[1])
        elif key in ("in", "out"):
            spec["inputs" if key == "in" else "outputs"].append((f[1], f[2], f[3] or None))
        elif key == "param":
            spec["params"][f[1]] = _decode(f[2])
    return spec


def _arm_parent_death(parent):
    """prctl(PR_SET_PDEATHSIG, SIGKILL), then check the parent is still the runtime."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, 9, 0, 0, 0)
    except (OSError, AttributeError):
        pass  # the stdin watch below still ends the process when the runtime goes
    if parent > 0 and os.getppid() != parent:
        os._exit(EXIT_RUNTIME_GONE)


class _Control:
    """Reads the runtime's commands from stdin on a daemon thread.

    ``on_stop`` and ``on_set`` are called on that thread; the main thread sets them before the
    user's code starts.
    """

    def __init__(self, params):
        self.stop = threading.Event()
        # Set by "go" (the start barrier opens) and by "stop", which must not wait for a go.
        self.released = threading.Event()
        self.params = dict(params)
        self.lock = threading.Lock()
        self.on_stop = None
        self.on_set = None
        t = threading.Thread(target=self._loop, name="vc-control", daemon=True)
        t.start()

    def _loop(self):
        stream = sys.stdin.buffer
        while True:
            line = stream.readline()
            if not line:
                break
            text = line.decode("utf-8", "replace").rstrip("\n")
            if text == "go":
                self.released.set()
            elif text == "stop":
                self.stop.set()
                self.released.set()
                if self.on_stop is not None:
                    self.on_stop()
            elif text.startswith("set\t"):
                parts = text.split("\t", 2)
                if len(parts) == 3:
                    try:
                        name, value = _unescape(parts[1]), _decode(parts[2])
                        with self.lock:
                            self.params[name] = value
                        if self.on_set is not None:
                            self.on_set(name, value)
                    except (ValueError, IndexError):
                        sys.stderr.write("ignored a parameter change the block could not read: " + text + "\n")
        if not self.stop.is_set():
            # The runtime died without asking us to stop.
            os._exit(EXIT_RUNTIME_GONE)


class _Interrupter:
    """Turns the runtime's stop request into a KeyboardInterrupt in the main thread, where the
    user's code runs: at once for VC2 code, and as a fallback for main() code that is not calling
    synchronise() (a busy loop, a long sleep, a blocking call).

    SIGINT itself is ignored unless a stop was requested: Ctrl+C in a terminal reaches every
    process of the group, and the runtime stops its blocks itself.
    """

    def __init__(self, control):
        self.control = control
        self.delay = INTERRUPT_AFTER_S
        self.finished = False  # set by the main thread once the user's code is over
        self._sent = False
        self._lock = threading.Lock()
        self._main = threading.main_thread().ident
        signal.signal(signal.SIGINT, self._on_sigint)

    def _on_sigint(self, signum, frame):
        # Runs in the main thread, between bytecodes.
        if self.control.stop.is_set() and not self.finished:
            raise KeyboardInterrupt()

    def request(self):
        """Called on the control thread when "stop" arrives."""
        if self.delay <= 0:
            self._send()
        else:
            t = threading.Timer(self.delay, self._send)
            t.daemon = True
            t.start()

    def _send(self):
        with self._lock:
            if self._sent or self.finished:
                return
            self._sent = True
        # A signal aimed at the main thread also wakes it from sleep() or a futex wait.
        signal.pthread_kill(self._main, signal.SIGINT)


def _as_number_array(value):
    if isinstance(value, bool):
        value = 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        if np is None:
            return _NumberArray([float(value)])
        return np.array([float(value)], dtype=np.float64).view(_Number)
    if np is not None:
        arr = np.asarray(value, dtype=np.float64).reshape(-1)
        return arr.view(_Number) if arr.size == 1 else arr
    if isinstance(value, (list, tuple)):
        return _NumberArray([float(v) for v in value])
    return _NumberArray([float(value)])


def _as_string_array(value):
    if not isinstance(value, str):
        value = str(value)
    if np is None:
        return [value]
    return np.array([value], dtype="<U%d" % max(64, len(value)))


def _need_numpy(what):
    if np is None:
        raise RuntimeError(what + " needs numpy, which this Python interpreter does not have "
                           "(install it with: python3 -m pip install numpy)")


class Inputs:
    """The block's input ports, read by name (VisualCircuit API)."""

    def __init__(self, readers, control):
        self._readers = readers  # name -> vcwire.Reader or None (not wired)
        self._enabled = True
        self._control = control
        self._idle_reads = 0  # reads that found no value, in a row since the last synchronise()
        self._stats = None  # set by the host, so a block waiting without synchronise() still reports

    def _raw(self, name):
        if name not in self._readers:
            raise InvalidInputNameException("no input named '%s' (inputs: %s)"
                                            % (name, ", ".join(self._readers) or "none"))
        reader = self._readers[name]
        if reader is None:
            if name == ENABLE_INPUT:
                # VisualCircuit's blocks find out that nobody wired their Enable input by catching
                # this ("except Exception: auto_enable = True"); there an unwired input was unknown.
                raise InvalidInputNameException("input '%s' is not wired" % name)
            self._idle_read(None)
            return None
        got = reader.read()
        if got is None:
            self._idle_read(reader)
            return None
        self._idle_reads = 0
        return got[1]

    def _idle_read(self, reader):
        self._idle_reads += 1
        if self._idle_reads > IDLE_READS_BEFORE_WAIT:
            if self._stats is not None:
                self._stats.tick(time.monotonic())
            # Returns as soon as the writer's first value arrives, so no value is delayed.
            if reader is not None:
                reader.wait(0, IDLE_READ_WAIT_S)
            else:
                time.sleep(IDLE_READ_WAIT_S)

    def read(self, name):
        """The latest value in its natural form, or None until the writer's first write."""
        value = self._raw(name)
        if value is None:
            return None
        if isinstance(value, str):
            return _as_string_array(value)
        if isinstance(value, (bool, int, float)):
            return _as_number_array(value)
        return value

    def read_number(self, name):
        """A (1,) float64 array, so float(x) and float(x[0]) both work; None before the first write."""
        value = self._raw(name)
        return None if value is None else _as_number_array(value)

    def read_string(self, name):
        """A (1,) array holding the string (at least <U64, longer strings are kept whole)."""
        value = self._raw(name)
        return None if value is None else _as_string_array(value)

    def read_array(self, name):
        """A float64 numpy array."""
        value = self._raw(name)
        if value is None:
            return None
        _need_numpy("read_array")
        return np.asarray(value, dtype=np.float64)

    def read_image(self, name):
        """A uint8 numpy array H x W x C (BGR), or H x W for a grey image."""
        value = self._raw(name)
        if value is None:
            return None
        _need_numpy("read_image")
        # A grey image comes back as (h, w), the shape OpenCV gives grey images.
        return np.asarray(value)

    def _gate(self):
        """False while a wired Enable input says the block is disabled."""
        reader = self._readers.get(ENABLE_INPUT)
        if reader is None:
            return True
        got = reader.read()
        if got is None:
            return True
        value = got[1]
        try:
            return float(value if not hasattr(value, "__len__") or isinstance(value, str)
                         else list(value)[0]) > 0.5
        except (TypeError, ValueError, IndexError):
            return bool(value)

    @property
    def enabled(self):
        """True unless the block was disabled by its Enable input or by code."""
        return self._enabled and self._gate()

    @enabled.setter
    def enabled(self, value):
        self._enabled = bool(value)

    def _changed(self, baseline):
        """True when any wired input has a newer value than in baseline (name -> sequence)."""
        for name, reader in self._readers.items():
            if reader is not None and reader.sequence() > baseline.get(name, 0):
                return True
        return False

    def _wait_any(self, baseline, timeout):
        """Waits until an input has a value newer than baseline; records the new sequences in it."""
        wired = [(n, r) for n, r in self._readers.items() if r is not None]
        if not wired:
            time.sleep(timeout)
            return False
        got = self._changed(baseline)
        if not got and len(wired) == 1:
            name, reader = wired[0]
            got = reader.wait(baseline.get(name, 0), timeout) is not None
        elif not got:
            deadline = time.monotonic() + timeout
            while not got and time.monotonic() < deadline:
                time.sleep(0.001)
                got = self._changed(baseline)
        if got:
            for name, reader in wired:
                baseline[name] = reader.sequence()
        return got


class Outputs:
    """The block's output ports, written by name (VisualCircuit API)."""

    def __init__(self, writers, types):
        self._writers = writers  # name -> vcwire.Writer or None (not wired)
        self._types = types

    def _writer(self, name):
        if name not in self._writers:
            raise InvalidOutputNameException("no output named '%s' (outputs: %s)"
                                             % (name, ", ".join(self._writers) or "none"))
        return self._writers[name]

    def share(self, name, value):
        """Publishes a value, converted to the port's type."""
        w = self._writer(name)
        kind = self._types.get(name, "any")
        if kind == "number":
            self.share_number(name, value)
        elif kind == "string":
            self.share_string(name, value)
        elif kind == "boolean":
            if w is not None:
                w.write_bool(bool(_first(value)))
        elif kind == "array":
            self.share_array(name, value)
        elif kind == "image":
            self.share_image(name, value)
        elif w is not None:
            if np is not None and isinstance(value, np.ndarray):
                if value.dtype == np.uint8 and value.ndim in (2, 3):
                    self.share_image(name, value)
                elif value.size == 1 and value.dtype.kind in "fiub":
                    w.write_number(float(value.reshape(-1)[0]))
                elif value.dtype.kind in "US":
                    w.write_string(str(value.reshape(-1)[0]))
                else:
                    w.write_array(np.asarray(value, dtype=np.float64))
            elif isinstance(value, _NumberArray):
                w.write_number(float(value[0]))
            else:
                w.write(value)

    def share_number(self, name, value):
        w = self._writer(name)
        if w is not None:
            w.write_number(float(_first(value)))

    def share_string(self, name, value):
        w = self._writer(name)
        if w is not None:
            w.write_string(str(_first(value)))

    def share_array(self, name, value):
        w = self._writer(name)
        if w is not None:
            _need_numpy("share_array")
            w.write_array(np.asarray(value, dtype=np.float64))

    def share_image(self, name, value):
        w = self._writer(name)
        if w is not None:
            _need_numpy("share_image")
            w.write_image(np.ascontiguousarray(value, dtype=np.uint8))


def _first(value):
    """The scalar inside a (1,) array or list, or the value itself."""
    if isinstance(value, (str, bytes, bool, int, float)):
        return value
    if np is not None and isinstance(value, np.ndarray):
        return value.reshape(-1)[0].item() if value.size else 0.0
    if isinstance(value, (list, tuple)):
        return value[0] if value else 0.0
    return value


_FALSE_WORDS = ("", "0", "false", "no", "off", "0.0")


class Parameters:
    """The block's parameters (VisualCircuit API); may change while the block runs."""

    def __init__(self, control):
        self._control = control

    def _get(self, name):
        with self._control.lock:
            if name not in self._control.params:
                raise InvalidParameterNameException("no parameter named '%s' (parameters: %s)"
                                                    % (name, ", ".join(self._control.params) or "none"))
            return self._control.params[name]

    def read(self, name):
        return self._get(name)

    def read_number(self, name):
        value = self._get(name)
        if isinstance(value, bool):
            return 1.0 if value else 0.0
        if isinstance(value, str):
            return float(value.strip())
        return float(value)

    def read_string(self, name):
        value = self._get(name)
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float) and value.is_integer():
            return str(value)
        return str(value)

    def read_bool(self, name):
        """Booleans as they are; text such as "False", "0", "no" or "off" is False."""
        value = self._get(name)
        if isinstance(value, bool):
            return value
        if isinstance(value, str):
            return value.strip().lower() not in _FALSE_WORDS
        return value != 0


class _Stats:
    """Publishes the block's health figures on its stats wire (see StatsLayout in the runtime)."""

    def __init__(self, writer, rate):
        self.writer = writer
        self.rate = rate
        self.loops = 0
        self.history = []  # (time, loops), one entry per publication, about a second of them
        self.next = 0.0
        self.page = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
        self.ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def tick(self, now, force=False):
        if self.writer is None or (now < self.next and not force):
            return
        self.next = now + STATS_EVERY_S
        self.history.append((now, self.loops))
        if len(self.history) > 5:
            self.history.pop(0)
        t0, l0 = self.history[0]
        achieved = (self.loops - l0) / (now - t0) if now - t0 > 0.05 else 0.0
        cpu, rss = -1.0, -1.0
        try:
            with open("/proc/self/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            cpu = (int(fields[11]) + int(fields[12])) / float(self.ticks)
            with open("/proc/self/statm") as f:
                rss = float(int(f.read().split()[1]) * self.page)
        except (OSError, ValueError, IndexError):
            pass
        figures = [self.rate, achieved, float(self.loops), cpu, rss]
        try:
            if np is not None:
                self.writer.write_array(np.array(figures, dtype=np.float64))
            else:
                self.writer.write_array(figures)
        except Exception:  # stats are best effort; a block without them still runs
            self.writer = None


class _Clock:
    """Implements synchronise(): holds the block to its rate, or waits for input when the rate is 0."""

    def __init__(self, rate, inputs, control, stats):
        self.period = 1.0 / rate if rate > 0 else 0.0
        self.inputs = inputs
        self.control = control
        self.stats = stats
        self.next = time.monotonic() + self.period
        self.seen = {}  # input -> sequence when an event-driven block last went on

    def __call__(self):
        self.stats.loops += 1
        self.inputs._idle_reads = 0
        self._pause()
        while not self.inputs._gate():
            # A wired Enable input gates the block: hold it here until enabled again.
            self._pause()

    def _pause(self):
        if self.control.stop.is_set():
            raise _StopBlock()
        if self.period > 0:
            while True:
                now = time.monotonic()
                self.stats.tick(now)
                left = self.next - now
                if left <= 0:
                    break
                if self.control.stop.wait(min(left, 0.05)):
                    raise _StopBlock()
            now = time.monotonic()
            self.next += self.period
            if self.next <= now:
                self.next = now + self.period
        else:
            while not self.inputs._wait_any(self.seen, IDLE_WAIT_S):
                self.stats.tick(time.monotonic())
                if self.control.stop.is_set():
                    raise _StopBlock()
            self.stats.tick(time.monotonic())
        if self.control.stop.is_set():
            raise _StopBlock()


# --- VisualCircuit 2 code ---------------------------------------------------------------------
#
# VC2 blocks define loop(block_name, input_wires, output_wires, parameters, flags) and talk to
# their wires through utils.wires.wire_img / wire_str objects (get, add, release) created from the
# wire names in input_wires and output_wires. The modules below give that code the same objects,
# built on this run's wires; they live only in this process's sys.modules.

VC2_ENTRY = "loop"
VC2_MONITOR_WINDOW_S = 1.0
_VC2_SOURCE = re.compile(r"^(?:from|import)\s+utils\.(?:wires|tools)\b|^def\s+loop\s*\(", re.M)
_VC2_UNWIRED = "unwired output "


def _looks_like_vc2(source):
    return _VC2_SOURCE.search(source) is not None


def _vc2_text(value):
    """A wire value as VC2's string wires carried it: text, with False as the empty string."""
    if value is None:
        return ""
    if isinstance(value, bool):
        # VC2 code tests its enable wire with bool(text) or int(text).
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if np is not None and isinstance(value, np.ndarray):
        if value.size == 1:
            return _vc2_text(value.reshape(-1)[0].item())
        return str(value.tolist())
    return str(value)


class _Vc2Wires:
    """The wires a VC2 block may name: this block's inputs (read) and outputs (write)."""

    def __init__(self, readers, writers):
        self.readers = readers  # wire name -> vcwire.Reader
        self.writers = writers  # wire name -> vcwire.Writer, or None for an unwired output

    def reader(self, name):
        if name in self.readers:
            return self.readers[name]
        raise ValueError("%r is not one of this block's input wires; pass an element of input_wires" % (name,))

    def writer(self, name):
        if name in self.writers:
            return self.writers[name]
        raise ValueError("%r is not one of this block's output wires; pass an element of output_wires" % (name,))


class _Vc2Monitor:
    """utils.tools.freq_monitor.monitor_frequency for VC2 code.

    VC2 blocks count their loops in control_data[0] and sleep control_data[1] seconds per loop;
    the monitor measures the loop rate and tunes that sleep so the block runs at
    required_frequency, as VC2's monitor did (every second here rather than every five). It also
    publishes the block's loop count and rate on the stats wire for the live view.
    """

    def __init__(self, stats, control):
        self.stats = stats
        self.control = control
        self.started = False

    def monitor_frequency(self, name, control_data, required_frequency, update):
        if self.started:
            return
        self.started = True
        required = float(required_frequency)
        if required > 0:
            self.stats.rate = required
        t = threading.Thread(target=self._watch, args=(control_data, required, update),
                             name="vc2-frequency-monitor", daemon=True)
        t.start()

    def _watch(self, control_data, required, update):
        seen = float(control_data[0])
        window_start, window_loops = time.monotonic(), 0.0
        exec_time = None
        while not self.control.stop.wait(STATS_EVERY_S):
            now = time.monotonic()
            count = float(control_data[0])
            # Counted from the last value rather than reset to 0: the block's "+= 1" could
            # otherwise undo a reset made between its read and its write.
            loops = max(0.0, count - seen)
            seen = count
            self.stats.loops += int(loops)
            self.stats.tick(now)
            window_loops += loops
            elapsed = now - window_start
            if elapsed < VC2_MONITOR_WINDOW_S:
                continue
            if window_loops > 0 and required > 0 and update != 0:
                # One loop takes the block's own work plus the sleep; keep the work, fit the sleep.
                work = max(0.0, elapsed / window_loops - float(control_data[1]))
                exec_time = work if exec_time is None else (exec_time + work) / 2.0
                control_data[1] = max(0.0, 1.0 / required - exec_time)
            window_start, window_loops = now, 0.0


def _install_vc2_modules(wires, monitor):
    """Puts utils.wires.wire_img, utils.wires.wire_str and utils.tools.freq_monitor in sys.modules."""

    class _Wire:
        def __init__(self, name):
            self.name = name
            self.released = False

        def release(self):
            # The runtime owns the wires and removes them when the run ends.
            self.released = True

    class read_image(_Wire):
        """Latest image on an input wire, H x W x C uint8; None until the first write."""

        def __init__(self, name):
            _Wire.__init__(self, name)
            self._reader = wires.reader(name)

        def get(self):
            got = self._reader.read()
            if got is None:
                return None
            value = got[1]
            if isinstance(value, np.ndarray) and value.dtype == np.uint8 and value.ndim == 2:
                return value[:, :, np.newaxis]  # VC2 images always had three dimensions
            return np.asarray(value)

    class read_string(_Wire):
        """Latest text on an input wire as a (1,) <U64 array; [''] until the first write."""

        def __init__(self, name):
            _Wire.__init__(self, name)
            self._reader = wires.reader(name)

        def get(self):
            got = self._reader.read()
            text = _vc2_text(None if got is None else got[1])
            return np.array([text], dtype="<U%d" % max(64, len(text)))

    class share_image(_Wire):
        """Publishes images (uint8 H x W x C) on an output wire."""

        def __init__(self, name):
            _Wire.__init__(self, name)
            self._writer = wires.writer(name)

        def add(self, frame):
            if self._writer is None:
                return
            arr = np.asarray(frame)
            if arr.dtype == np.uint8 and arr.ndim in (2, 3):
                self._writer.write_image(np.ascontiguousarray(arr))
            else:
                self._writer.write(np.ascontiguousarray(arr))

    class share_string(_Wire):
        """Publishes text on an output wire; several strings go as one, a line each."""

        def __init__(self, name):
            _Wire.__init__(self, name)
            self._writer = wires.writer(name)

        def add(self, value):
            if self._writer is None:
                return
            if np is not None and isinstance(value, np.ndarray):
                texts = [str(v) for v in value.reshape(-1).tolist()]
            elif isinstance(value, (list, tuple)):
                texts = [str(v) for v in value]
            else:
                texts = [str(value)]
            self._writer.write_string("\n".join(texts))

    def module(name, **members):
        m = types.ModuleType(name)
        m.__dict__.update(members)
        sys.modules[name] = m
        return m

    utils = module("utils")
    utils.wires = module("utils.wires")
    utils.wires.wire_img = module("utils.wires.wire_img", read_image=read_image, share_image=share_image)
    utils.wires.wire_str = module("utils.wires.wire_str", read_string=read_string, share_string=share_string)
    utils.tools = module("utils.tools")
    utils.tools.freq_monitor = module("utils.tools.freq_monitor", monitor_frequency=monitor.monitor_frequency)


def _vc2_arguments(spec, port_readers, port_writers, control):
    """input_wires, output_wires and parameters as VC2 passed them to loop(), plus the wire table.

    input_wires lists only the wired inputs, in port order: VC2 code tells an unwired enable
    input from the IndexError of input_wires[n]. output_wires lists every output, so an unwired
    one takes writes and drops them instead of failing. parameters holds the values as text, in
    the block's order, and follows live changes. The wire names are the segments' names.
    """
    readers, writers, inputs, outputs = {}, {}, [], []
    for port, _, seg in spec["inputs"]:
        if seg:
            readers[seg] = port_readers[port]
            inputs.append(seg)
    for port, _, seg in spec["outputs"]:
        name = seg or (_VC2_UNWIRED + port)
        writers[name] = port_writers[port]
        outputs.append(name)
    names = list(spec["params"])
    parameters = [str(v) for v in spec["params"].values()]

    def changed(name, value):
        if name in names:
            parameters[names.index(name)] = str(value)

    control.on_set = changed
    return _Vc2Wires(readers, writers), inputs, outputs, parameters


# Python modules that VisualCircuit's own blocks import, and how a user gets them.
_MODULE_HINTS = {
    "cv2": "OpenCV for Python (install it with: %s -m pip install opencv-python, or with your Linux "
           "distribution's python3-opencv package)",
    "rospy": "ROS 1 (start VisualCircuit from a shell where the ROS setup script was sourced; %s must be ROS's Python)",
    "rclpy": "ROS 2 (start VisualCircuit from a shell where the ROS 2 setup script was sourced; %s must be ROS's Python)",
    "tensorflow": "TensorFlow (install it with: %s -m pip install tensorflow)",
    "posix_ipc": "posix_ipc (install it with: %s -m pip install posix_ipc)",
}
_ROS_MESSAGE_PACKAGES = ("geometry_msgs", "sensor_msgs", "std_msgs", "nav_msgs", "turtlesim", "cv_bridge")


def _missing_module_hint(exc):
    """A sentence saying what to install, for a block whose code imports a module we lack."""
    if not isinstance(exc, ModuleNotFoundError) or not exc.name:
        return None
    top = exc.name.split(".")[0]
    if top in _ROS_MESSAGE_PACKAGES:
        top = "rospy"
    hint = _MODULE_HINTS.get(top)
    if hint is None:
        return "the block needs the Python module '%s', which %s cannot import" % (top, sys.executable)
    return "the block needs " + hint % sys.executable


def _user_traceback(exc, code_file):
    """The traceback from the first frame of the user's code on, so line numbers match the block."""
    if isinstance(exc, SyntaxError) and exc.filename == code_file:
        # The host's own frames (the compile call) mean nothing to the user.
        text = "".join(traceback.format_exception_only(type(exc), exc))
        return text, "%s: %s (line %s)" % (type(exc).__name__, exc.msg, exc.lineno)
    tb = exc.__traceback__
    while tb is not None and tb.tb_frame.f_code.co_filename != code_file:
        tb = tb.tb_next
    lines = traceback.format_exception(type(exc), exc, tb if tb is not None else exc.__traceback__)
    line = None
    t = exc.__traceback__
    while t is not None:
        if t.tb_frame.f_code.co_filename == code_file:
            line = t.tb_lineno
        t = t.tb_next
    summary = "%s: %s" % (type(exc).__name__, exc)
    if line is not None:
        summary += " (line %d)" % line
    hint = _missing_module_hint(exc)
    if hint is not None:
        summary += "; " + hint
        lines.append(hint[0].upper() + hint[1:] + ".\n")
    return "".join(lines), summary


def run(spec_path):
    # Ctrl+C in a terminal reaches every process of the group; the runtime stops blocks itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        spec = read_spec(spec_path)
    except (OSError, ValueError, IndexError) as e:
        _fail(EXIT_SETUP_FAILED, "cannot read the block's spec: %s" % e)
    _arm_parent_death(spec["parent"])
    control = _Control(spec["params"])
    interrupter = _Interrupter(control)
    control.on_stop = interrupter.request
    needs_numpy = any(t in ("array", "image") for _, t, _ in spec["inputs"] + spec["outputs"])
    if needs_numpy and np is None:
        _fail(EXIT_SETUP_FAILED, "block %s has array or image ports and needs numpy, which %s does not have "
              "(install it with: python3 -m pip install numpy)" % (spec["block"], sys.executable))
    try:
        import vcwire
        readers = {name: (vcwire.Reader(seg) if seg else None) for name, _, seg in spec["inputs"]}
        writers = {name: (vcwire.Writer(seg) if seg else None) for name, _, seg in spec["outputs"]}
        stats_writer = vcwire.Writer(spec["stats"]) if spec.get("stats") else None
    except Exception as e:  # a missing or broken segment: nothing the user's code could fix
        _fail(EXIT_SETUP_FAILED, "cannot attach to its wires: %s" % e)

    code_file = spec["code"]
    inputs = Inputs(readers, control)
    outputs = Outputs(writers, {name: t for name, t, _ in spec["outputs"]})
    parameters = Parameters(control)
    stats = _Stats(stats_writer, spec["rate"])
    inputs._stats = stats
    clock = _Clock(spec["rate"], inputs, control, stats)
    namespace = {"__name__": "__vc_block__", "__file__": code_file,
                 "InvalidInputNameException": InvalidInputNameException,
                 "InvalidOutputNameException": InvalidOutputNameException,
                 "InvalidParameterNameException": InvalidParameterNameException}
    try:
        with open(code_file, encoding="utf-8") as f:
            source = f.read()
        vc2 = _looks_like_vc2(source)
        if vc2:
            # Before the code runs: VC2 code imports the utils modules at its top.
            vc2_wires, input_wires, output_wires, vc2_params = _vc2_arguments(spec, readers, writers, control)
            _install_vc2_modules(vc2_wires, _Vc2Monitor(stats, control))
        exec(compile(source, code_file, "exec"), namespace)
        entry_main = namespace.get("main")
        entry_step = namespace.get("step")
        entry_loop = namespace.get(VC2_ENTRY)
        run_loop = vc2 and callable(entry_loop) and not callable(entry_main) and not callable(entry_step)
        if not callable(entry_main) and not callable(entry_step) and not run_loop:
            _fail(EXIT_SETUP_FAILED, "the code of block %s defines neither main(inputs, outputs, parameters, "
                  "synchronise) nor step(inputs, outputs, parameters), nor VisualCircuit 2's loop(block_name, "
                  "input_wires, output_wires, parameters, flags)" % spec["block"])
        if run_loop and np is None:
            _fail(EXIT_SETUP_FAILED, "block %s is VisualCircuit 2 code, whose wires need numpy; %s does not have it "
                  "(install it with: python3 -m pip install numpy)" % (spec["block"], sys.executable))
        stats.tick(time.monotonic(), force=True)
        sys.stdout.flush()
        _report("ready")
        control.released.wait()
        if control.stop.is_set():
            raise _StopBlock()
        # The rate counts from the first step, not from when the host started.
        clock.next = time.monotonic() + clock.period
        if run_loop:
            # VC2 code expects Ctrl+C's KeyboardInterrupt, not our synchronise() stop.
            interrupter.delay = 0
            if control.stop.is_set():
                raise KeyboardInterrupt()
            entry_loop(spec["block"], input_wires, output_wires, vc2_params, [1, 0, 0])
        elif callable(entry_main):
            entry_main(inputs, outputs, parameters, clock)
        else:
            while True:
                if inputs.enabled:
                    entry_step(inputs, outputs, parameters)
                clock()
        interrupter.finished = True
    except _StopBlock:
        interrupter.finished = True
    except KeyboardInterrupt as e:
        interrupter.finished = True
        if not control.stop.is_set():
            _crashed(e, code_file)
    except SystemExit as e:
        interrupter.finished = True
        sys.stdout.flush()
        code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        if code != 0:
            _report("error the block's code called sys.exit(%r)" % (e.code,))
        os._exit(code)
    except BaseException as e:  # the user's code failed: show where, in the user's line numbers
        interrupter.finished = True
        if control.stop.is_set():
            # Failing while it stops (VC2 clean-up code often releases wires it never made) is
            # worth a look, but the block was asked to stop and did.
            text, _ = _user_traceback(e, code_file)
            sys.stderr.write("the block's code failed while stopping:\n" + text)
        else:
            _crashed(e, code_file)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _crashed(exc, code_file):
    text, summary = _user_traceback(exc, code_file)
    sys.stdout.flush()
    sys.stderr.write(text)
    _fail(EXIT_BLOCK_FAILED, summary, echo=False)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write("usage: vc_host.py SPEC-FILE\n")
        sys.exit(EXIT_SETUP_FAILED)
    run(sys.argv[1])
