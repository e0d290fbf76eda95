"""Length-prefixed frames between the server and a zygote (and on a child's result pipe)."""

from __future__ import annotations

import os
import struct

_LENGTH = struct.Struct(">Q")
LENGTH_SIZE = _LENGTH.size
MAX_REQUEST = 64 * 1024 * 1024  # a submission plus its inputs; bigger is a bug, not a user


class ProtocolError(Exception):
    pass


def encode(body: bytes) -> bytes:
    return _LENGTH.pack(len(body)) + body


def decode_length(prefix: bytes) -> int:
    return _LENGTH.unpack(prefix)[0]


def read_exactly(fd: int, size: int) -> bytes | None:
    """Read `size` bytes from a blocking fd; None on EOF before the first byte."""
    chunks, remaining = [], size
    while remaining:
        chunk = os.read(fd, min(remaining, 1 << 20))
        if not chunk:
            if remaining == size:
                return None
            raise ProtocolError("stream ended inside a frame")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


def read_frame(fd: int, limit: int) -> bytes | None:
    """One frame from a blocking fd; None on a clean EOF between frames."""
    prefix = read_exactly(fd, LENGTH_SIZE)
    if prefix is None:
        return None
    size = decode_length(prefix)
    if size > limit:
        raise ProtocolError(f"frame of {size} bytes exceeds {limit}")
    return read_exactly(fd, size) or b""


def write_frames(fd: int, *bodies: bytes) -> None:
    data = memoryview(b"".join(encode(b) for b in bodies))
    while data:
        data = data[os.write(fd, data):]
