"""Length-prefixed frames between the server and a zygote (and on a child's result pipe)."""

from __future__ import annotations

import ctypes
import os
import struct

_LENGTH = struct.Struct(">Q")
LENGTH_SIZE = _LENGTH.size
MAX_REQUEST = 64 * 1024 * 1024  # a submission plus its inputs; bigger is a bug, not a user


class ProtocolError(Exception):
    pass


def encode(body: bytes) -> bytes:
    return _LENGTH.pack(len(body)) + body


def decode_length(prefix: bytes | bytearray | memoryview) -> int:
    return _LENGTH.unpack(prefix)[0]


def read_exactly(fd: int, size: int) -> bytearray | None:
    """Read `size` bytes from a blocking fd into one buffer; None on EOF before the first byte."""
    buf = bytearray(size)  # one buffer, no intermediate copies: it can be wiped afterwards
    got = 0
    with memoryview(buf) as view:
        while got < size:
            n = os.readv(fd, [view[got:]])
            if n == 0:
                if got == 0:
                    return None
                raise ProtocolError("stream ended inside a frame")
            got += n
    return buf


def read_frame(fd: int, limit: int) -> bytearray | None:
    """One frame from a blocking fd; None on a clean EOF between frames."""
    prefix = read_exactly(fd, LENGTH_SIZE)
    if prefix is None:
        return None
    size = decode_length(prefix)
    if size > limit:
        raise ProtocolError(f"frame of {size} bytes exceeds {limit}")
    return read_exactly(fd, size) or bytearray()


def write_frames(fd: int, *bodies: bytes | bytearray | memoryview) -> None:
    """Write length-prefixed frames without joining (and so copying) the bodies."""
    for body in bodies:
        with memoryview(body) as view:
            _write_all(fd, _LENGTH.pack(view.nbytes))
            _write_all(fd, view)


def _write_all(fd: int, data: bytes | memoryview) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def wipe(buf: bytearray) -> None:
    """Zero a buffer in place: the next fork must not inherit another user's code or results."""
    if buf:
        ctypes.memset((ctypes.c_char * len(buf)).from_buffer(buf), 0, len(buf))
