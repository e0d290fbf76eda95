"""The bytes between server and sandbox: a length-prefixed JSON header, then safetensors.

Never pickle: the child is hostile, so the server only ever parses JSON and raw array bytes, and
checks every size before it decodes anything. Arrays travel as numpy (the trusted side compares
without torch); the harness turns them into tensors and back. Stdlib + numpy + safetensors only.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np
from safetensors.numpy import load as load_arrays
from safetensors.numpy import save as save_arrays

FORMAT_VERSION = 2
_LENGTH = struct.Struct("<I")
_SAFETENSORS_LENGTH = struct.Struct("<Q")


class WireError(ValueError):
    """The bytes are not a well-formed frame, or exceed a limit."""


@dataclass(frozen=True)
class Limits:
    """What the trusted side accepts from a child before decoding a single array."""

    # A JSON header larger than this is a hostile or broken child, not a real result.
    header_bytes: int = 1 << 20
    # Arrays per result: a ResNet's traced layers are a few hundred; 200k tiny ones is an attack.
    arrays: int = 4096
    # The safetensors index (names, shapes, offsets) before the data.
    index_bytes: int = 1 << 20
    # Nesting of the JSON header (json.loads recursion is bounded, but cheaply refused earlier).
    depth: int = 64


DEFAULT_LIMITS = Limits()


def encode(header: dict[str, Any], arrays: dict[str, np.ndarray] | None = None) -> bytes:
    """Frame a JSON header and named arrays."""
    return encode_with_body(header, save_arrays(arrays) if arrays else b"")


def encode_with_body(header: dict[str, Any], body: bytes) -> bytes:
    """Frame a header with already-serialised safetensors bytes (precomputed at card load)."""
    head = json.dumps(header, separators=(",", ":")).encode()
    return _LENGTH.pack(len(head)) + head + body


def decode(data: bytes | bytearray | memoryview,
           limits: Limits = DEFAULT_LIMITS) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """Parse a frame; raise WireError on anything malformed or over a limit."""
    data = bytes(data)
    if len(data) < _LENGTH.size:
        raise WireError("frame too short")
    (size,) = _LENGTH.unpack_from(data)
    if size > limits.header_bytes or _LENGTH.size + size > len(data):
        raise WireError(f"bad header length {size}")
    raw_header = data[_LENGTH.size:_LENGTH.size + size]
    if _nesting(raw_header) > limits.depth:
        raise WireError("header nested too deeply")
    try:
        header = json.loads(raw_header)
    except (ValueError, RecursionError) as exc:
        raise WireError(f"header is not JSON: {exc}") from None
    if not isinstance(header, dict):
        raise WireError("header is not an object")
    body = data[_LENGTH.size + size:]
    if not body:
        return header, {}
    _check_index(body, limits)
    try:
        arrays = load_arrays(body)
    except Exception as exc:  # safetensors raises its own error types on bad bytes
        raise WireError(f"array block unreadable: {exc}") from None
    return header, arrays


def _nesting(raw: bytes) -> int:
    """The deepest bracket nesting in a JSON text (strings skipped), without parsing it."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return deepest


def _check_index(body: bytes, limits: Limits) -> None:
    """Count the arrays and check the index size from safetensors' own header, before loading."""
    if len(body) < _SAFETENSORS_LENGTH.size:
        raise WireError("array block too short")
    (size,) = _SAFETENSORS_LENGTH.unpack_from(body)
    if size > limits.index_bytes or size + _SAFETENSORS_LENGTH.size > len(body):
        raise WireError(f"array index of {size} bytes is over the limit")
    # Each entry has exactly one "data_offsets": count them without parsing the JSON.
    entries = body[_SAFETENSORS_LENGTH.size:_SAFETENSORS_LENGTH.size + size].count(b'"data_offsets"')
    if entries > limits.arrays:
        raise WireError(f"{entries} arrays is over the limit of {limits.arrays}")
