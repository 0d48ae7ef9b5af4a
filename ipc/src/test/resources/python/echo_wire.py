"""Test helper: echoes every value seen on one wire onto another, attached as that wire's writer.

usage: echo_wire.py IN_SEGMENT OUT_SEGMENT COUNT
"""
import sys

import vcwire


def main():
    source, target, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    reader = vcwire.Reader(source)
    writer = vcwire.Writer(target)
    print("ready", flush=True)
    seq = 0
    for _ in range(count):
        got = reader.wait(seq, 30.0)
        if got is None:
            print("timeout waiting after", seq, flush=True)
            return 1
        seq, value = got
        writer.write(value)
    writer.close()
    reader.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
