"""Runs INSIDE the sandbox: execute the submission, send back raw outputs, never a verdict.

`run_in_child(request) -> bytes` is called in a forked, isolated child, so everything it uses
is imported here at zygote start. It never sees expected outputs: the request holds the source,
the inputs and the reference layer *signatures* only; weights are generated from seeds. What it
returns is untrusted data that the trusted checker judges. An exception escaping this function
is the harness's own fault (the zygote reports it as such), never the user's verdict.
"""

from __future__ import annotations

import collections  # noqa: F401  (preloaded for submissions: lazy imports may be unreadable)
import functools  # noqa: F401
import heapq  # noqa: F401
import itertools  # noqa: F401
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F  # noqa: N812
from torch import nn

from app.judge.harness import dataflow, wire
from app.judge.harness.forbid import forbidden_ops
from app.judge.harness.functions import run_function_card
from app.judge.harness.modules import run_module_card
from app.judge.harness.submission import SubmissionError, exec_submission


def run_in_child(request: bytes) -> bytes:
    """Entry point for the sandbox (and the in-process runner): request frame -> result frame."""
    header, arrays = wire.decode(request, wire.Limits(header_bytes=64 << 20, arrays=1 << 16))
    out: dict[str, np.ndarray] = {}
    result: dict[str, Any] = {"v": wire.FORMAT_VERSION, "fatal": None, "cases": [],
                              "entry_used": None}
    try:
        namespace = exec_submission(header["source"], header.get("language", "torch"))
        if header["type"] == "module":
            run_module_card(header, arrays, namespace, result, out)
        else:
            run_function_card(header, arrays, namespace, result, out)
    except SubmissionError as exc:
        result["fatal"] = exc.info
    return wire.encode(result, out)


def _warm_up() -> None:
    """Run conv/BN forward+backward once so forked children skip torch's first-call set-up."""
    block = nn.Sequential(nn.Conv2d(2, 2, 3, padding=1, bias=False), nn.BatchNorm2d(2), nn.ReLU())
    x = torch.randn(1, 2, 5, 5, requires_grad=True)
    block(x).sum().backward()
    with torch.no_grad():
        block.eval()(x)
    F.linear(torch.randn(1, 2), torch.randn(2, 2))
    with forbidden_ops(["no_such_op"]), forbidden_ops(["torch.no.such"]):  # dispatch modes' imports
        torch.relu(torch.ones(1, requires_grad=True)).sum().backward()
    wire.decode(wire.encode({}, {"t": np.zeros(1, np.float32)}))
    dataflow.fill_layer(nn.Conv2d(128, 128, 3), "Conv2d", 0)  # the weight pool, made once


# Only in a single-threaded process (the zygote sets this first): running ops in a process with
# an OpenMP pool would make its forked children hang.
if torch.get_num_threads() == 1:
    _warm_up()
