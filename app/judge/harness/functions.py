"""Function cards inside the sandbox: call the user's function on each case, send back what it
returned. Arguments are passed by POSITION in the card's declared signature, so any parameter
names work (yolov5's `box_iou(box1, box2)`, the Annotated Transformer's `attention(query, ...)`).
"""

from __future__ import annotations

import inspect
from typing import Any

import numpy as np
import torch

from app.judge.harness.forbid import forbidden_ops
from app.judge.harness.submission import (
    SubmissionError,
    find_entry,
    positional_params,
    takes_var_positional,
    user_code,
)
from app.judge.harness.values import Encoder, as_numpy, decode_args


def accepts_call(params: list[str], required: int):
    """Whether a definition can be the entry: a function taking the card's positional args."""
    def check(_name: str, value: Any) -> bool:
        if isinstance(value, type) or not callable(value):
            return False
        own = positional_params(value)
        if own is None:
            return False
        if takes_var_positional(value):
            return True
        needed = [p for p in own if p.default is inspect.Parameter.empty]
        return len(needed) <= len(params) and len(own) >= required
    return check


def run_function_card(req: dict, arrays: dict[str, np.ndarray], namespace: dict[str, Any],
                      result: dict, out: dict) -> None:
    params: list[str] = req["params"]
    fn, used = find_entry(namespace, req["entry"], accepts_call(params, req["required"]))
    result["entry_used"] = used
    if not callable(fn) or isinstance(fn, type):
        raise SubmissionError("entry", "not_a_function", f"`{used}` must be a function",
                              name=used)
    for index, case in enumerate(req["cases"]):
        record: dict[str, Any] = {"name": case["name"], "error": None}
        result["cases"].append(record)
        try:
            run_function_case(req, arrays, fn, used, index, case, record, out)
        except SubmissionError as exc:
            record["error"] = exc.info


def bind(req: dict, case: dict, arrays: dict[str, np.ndarray]) -> tuple[list[Any], dict[str, Any]]:
    """Positional arguments in signature order (defaults filled in), keyword-only ones by name."""
    language = req["language"]
    given = {name: decode_args(tree, arrays, language) for name, tree in case["args"].items()}
    defaults = req.get("defaults", {})
    positional = []
    for name in req["params"]:
        if name in given:
            positional.append(given[name])
        elif name in defaults:
            positional.append(defaults[name])
        else:
            break  # a trailing parameter the case leaves to the user's own default
    keywords = {name: given[name] for name in req.get("keyword_only", []) if name in given}
    return positional, keywords


def run_function_case(req: dict, arrays: dict[str, np.ndarray], fn: Any, used: str, index: int,
                      case: dict, record: dict, out: dict) -> None:
    name = case["name"]
    positional, keywords = bind(req, case, arrays)
    leaves = _grad_leaves(req, positional, keywords)
    forbid = forbidden_ops(req.get("forbid", []), every_op=req["language"] == "numpy")
    with user_code(f"calling {used}"), forbid:
        returned = fn(*positional, **keywords)
    encoder = Encoder(f"{name}.out")
    with user_code(f"reading what {used} returned"):
        record["out"] = encoder.encode(returned)
    out.update(encoder.arrays)
    if not leaves:
        return
    floats = [o for o in _flat(returned) if isinstance(o, torch.Tensor) and o.requires_grad]
    if not floats:
        return
    with user_code("running backward"):
        torch.stack([o.sum() for o in floats]).sum().backward()
    grads = {}
    for arg, leaf in leaves.items():
        if leaf.grad is not None:
            key = f"{name}.grad.{arg}"
            out[key] = as_numpy(leaf.grad)
            grads[arg] = key
    record["grads"] = grads


def _grad_leaves(req: dict, positional: list[Any], keywords: dict[str, Any]) -> dict[str, Any]:
    """Floating tensor arguments, marked to require grad when the card checks gradients."""
    if not req.get("grad"):
        return {}
    leaves = {}
    named = list(zip(req["params"], positional, strict=False)) + list(keywords.items())
    for arg, value in named:
        if isinstance(value, torch.Tensor) and value.is_floating_point():
            value.requires_grad_(True)
            leaves[arg] = value
    return leaves


def _flat(value: Any) -> list[Any]:
    if isinstance(value, list | tuple):
        return [x for item in value for x in _flat(item)]
    return [value]
