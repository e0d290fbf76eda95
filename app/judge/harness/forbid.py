"""Forbidden means forbidden: a card's banned operators are caught at the dispatcher.

Every spelling of an operation (`F.conv2d`, `nn.Conv2d`, `torch.conv2d`, `torch.ops.aten.conv2d`,
`torch._C._nn...`) reaches the same aten operator, so the check sits there, not on Python names.
A few library functions are pure Python over common operators (nn.MultiheadAttention ends in
addmm/bmm/_softmax): a dotted name bans that function itself, caught by a torch-function mode.
A numpy card bans every torch operator: its code must not compute with torch at all.
"""

from __future__ import annotations

import fnmatch
from typing import Any

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._python_dispatch import TorchDispatchMode

from app.judge.harness.submission import ForbiddenCall, SubmissionError


def op_name(func: Any) -> str:
    """'aten::convolution' -> 'convolution' (the overload is not part of the name)."""
    return str(func._schema.name).split("::", 1)[-1]


class Forbid(TorchDispatchMode):
    """Raise ForbiddenCall on a banned operator; remember it even if the user catches it."""

    def __init__(self, patterns: list[str], *, every_op: bool = False) -> None:
        super().__init__()
        self.patterns = patterns
        self.every_op = every_op
        self.hits: list[str] = []

    def __torch_dispatch__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        name = op_name(func)
        if self.every_op or any(fnmatch.fnmatchcase(name, p) for p in self.patterns):
            self.hits.append(name)
            what = "torch" if self.every_op else f"aten::{name}"
            raise ForbiddenCall(name, what)
        return func(*args, **(kwargs or {}))


class ForbidFunctions(TorchFunctionMode):
    """Raise ForbiddenCall when a banned library function (a dotted name) is called."""

    def __init__(self, names: list[str], hits: list[str]) -> None:
        super().__init__()
        self.names = names
        self.hits = hits

    def __torch_function__(self, func: Any, types: Any, args: Any = (), kwargs: Any = None) -> Any:
        name = f"{getattr(func, '__module__', '')}.{getattr(func, '__qualname__', '')}"
        if any(fnmatch.fnmatchcase(name, p) for p in self.names):
            self.hits.append(name)
            raise ForbiddenCall(name, name)
        return func(*args, **(kwargs or {}))


class forbidden_ops:  # noqa: N801  (used as a context manager, like torch's own modes)
    """Run the user's code under `Forbid` when the card bans anything; free otherwise."""

    def __init__(self, patterns: list[str], *, every_op: bool = False) -> None:
        ops = [p for p in patterns if "." not in p]
        functions = [p for p in patterns if "." in p]
        self.mode = Forbid(ops, every_op=every_op) if ops or every_op else None
        self.functions = ForbidFunctions(functions, self.mode.hits if self.mode else []) \
            if functions else None
        self._depth = 0

    def __enter__(self) -> forbidden_ops:
        if self.functions is not None:
            self.functions.__enter__()
        if self.mode is not None:
            self.mode.__enter__()
            self._depth = torch._C._len_torch_dispatch_stack()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.functions is not None:
            self.functions.__exit__(*exc)
        if self.mode is None:
            return
        tampered = torch._C._len_torch_dispatch_stack() < self._depth
        if not tampered:
            self.mode.__exit__(*exc)
        if tampered:  # the user's code popped the mode to run banned operators unseen
            raise SubmissionError("forbidden", "forbid_tampered",
                                  "your code switched off the grader's operator check")
        if self.mode.hits and exc[0] is None:  # a banned call the user's code caught and hid
            name = self.mode.hits[0]
            what = "torch" if self.mode.every_op else f"aten::{name}"
            raise SubmissionError("forbidden", "forbidden_op",
                                  f"{what} is not allowed in this question (it runs aten::{name})",
                                  op=name, what=what)
