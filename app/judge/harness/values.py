"""What a function returned, as a JSON tree plus arrays: no pickle, bounded, typed.

Node kinds: {"t": key, "dtype"} a torch tensor, {"a": key, "dtype"} a numpy array,
{"n": number, "dtype"} a numpy scalar, {"b"}, {"i"}, {"f"}, {"s"} Python bool/int/float/str,
{"none": true}, {"list": [...]} (tuples too), {"dict": [[key, node], ...]}, {"other": type name}.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import torch

from app.judge.harness.submission import SubmissionError

MAX_NODES = 100_000  # a LeetCode answer is small; a flood of tiny objects is refused, not sent
MAX_STR = 10_000
MAX_INT_DIGITS = 60


class Encoder:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix
        self.arrays: dict[str, np.ndarray] = {}
        self.nodes = 0

    def encode(self, value: Any, depth: int = 0) -> dict[str, Any]:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > 32:
            raise SubmissionError("shape", "too_big", "the returned value is too large or too "
                                  "deeply nested to check")
        if isinstance(value, torch.Tensor):
            return self._array("t", as_numpy(value), str(value.dtype).removeprefix("torch."))
        if isinstance(value, np.ndarray):
            if value.dtype.kind not in "biufc":
                return {"other": f"ndarray of {value.dtype}"}
            return self._array("a", value, str(value.dtype))
        if isinstance(value, np.generic):
            if isinstance(value, np.bool_):
                return {"n": bool(value), "dtype": "bool"}
            if isinstance(value, np.integer | np.floating):
                return {"n": value.item(), "dtype": str(value.dtype)}
            return {"other": type(value).__name__}
        if isinstance(value, bool):
            return {"b": value}
        if isinstance(value, int):
            if len(str(abs(value))) > MAX_INT_DIGITS:
                return {"other": "int with too many digits"}
            return {"i": value}
        if isinstance(value, float):
            return {"f": value}
        if isinstance(value, str):
            return {"s": value[:MAX_STR]}
        if value is None:
            return {"none": True}
        if isinstance(value, list | tuple):
            return {"list": [self.encode(item, depth + 1) for item in value]}
        if isinstance(value, dict):
            return {"dict": [[str(k)[:200], self.encode(v, depth + 1)] for k, v in value.items()]}
        return {"other": type(value).__name__[:100]}

    def _array(self, kind: str, array: np.ndarray, dtype: str) -> dict[str, Any]:
        key = f"{self.prefix}.{len(self.arrays)}"
        self.arrays[key] = np.ascontiguousarray(array)
        return {kind: key, "dtype": dtype}


def as_numpy(tensor: torch.Tensor) -> np.ndarray:
    """A plain CPU copy; bfloat16 (which numpy lacks) travels as float32, its dtype in the node."""
    plain = torch.Tensor.as_subclass(tensor, torch.Tensor).detach()
    if plain.dtype == torch.bfloat16:
        plain = plain.float()
    return plain.contiguous().clone().numpy()


def decode_args(tree: Any, arrays: dict[str, np.ndarray], language: str) -> Any:
    """A case's argument (the card's own data) as the user's code receives it."""
    if isinstance(tree, dict) and "t" in tree:
        array = np.array(arrays[tree["t"]])  # a private copy: user code may write into it
        return array if language == "numpy" else torch.from_numpy(array)
    if isinstance(tree, dict) and "v" in tree:
        return tree["v"]
    raise ValueError(f"bad argument node {tree!r}")
