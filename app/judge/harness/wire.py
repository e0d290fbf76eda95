"""The bytes between server and sandbox: a length-prefixed JSON header, then safetensors.

Never pickle: the child is hostile, so the server only ever parses JSON and raw tensor bytes.
Imported by the harness at zygote start, so stdlib + torch + safetensors only.
"""

from __future__ import annotations

import json
import struct

import torch
from safetensors.torch import load as load_tensors
from safetensors.torch import save as save_tensors

FORMAT_VERSION = 1
_LENGTH = struct.Struct("<I")
# A header larger than this is a hostile or broken child, not a real result.
MAX_HEADER_BYTES = 1 << 20


class WireError(ValueError):
    """The bytes are not a well-formed frame."""


def encode(header: dict, tensors: dict[str, torch.Tensor] | None = None) -> bytes:
    """Frame a JSON header and named tensors (contiguous, plain torch.Tensor) as bytes."""
    head = json.dumps(header, separators=(",", ":")).encode()
    body = save_tensors(tensors) if tensors else b""
    return _LENGTH.pack(len(head)) + head + body


def encode_with_body(header: dict, body: bytes) -> bytes:
    """Frame a header with already-serialised safetensors bytes (precomputed at card load)."""
    head = json.dumps(header, separators=(",", ":")).encode()
    return _LENGTH.pack(len(head)) + head + body


def decode(data: bytes) -> tuple[dict, dict[str, torch.Tensor]]:
    """Parse a frame; raise WireError on anything malformed."""
    if not isinstance(data, bytes | bytearray) or len(data) < _LENGTH.size:
        raise WireError("frame too short")
    (size,) = _LENGTH.unpack_from(data)
    if size > MAX_HEADER_BYTES or _LENGTH.size + size > len(data):
        raise WireError(f"bad header length {size}")
    try:
        header = json.loads(bytes(data[_LENGTH.size:_LENGTH.size + size]))
    except (ValueError, RecursionError) as exc:
        raise WireError(f"header is not JSON: {exc}") from None
    if not isinstance(header, dict):
        raise WireError("header is not an object")
    body = bytes(data[_LENGTH.size + size:])
    if not body:
        return header, {}
    try:
        tensors = load_tensors(body)
    except Exception as exc:  # safetensors raises its own error types on bad bytes
        raise WireError(f"tensor block unreadable: {exc}") from None
    return header, tensors
