"""Runs INSIDE the sandbox: execute the submission, send back raw tensors, never a verdict.

`run_in_child(request) -> bytes` is called in a forked, isolated child that can no longer read
files, so everything it uses is imported here at zygote start. It never sees expected outputs:
the request holds the source, the inputs and the reference layer *signatures* only; weights are
generated from seeds. What it returns is untrusted data that `checker.py` judges.
"""

from __future__ import annotations

import builtins
import collections  # noqa: F401  (preloaded for submissions: no imports after isolation)
import contextlib
import functools  # noqa: F401
import inspect
import itertools  # noqa: F401
import linecache
import math
import sys
import traceback
import typing
from typing import Any

import torch
import torch.nn.functional as F  # noqa: N812
from torch import nn

from app.judge.harness import dataflow, wire

FILENAME = "<submission>"
# Names a submission may use without importing (torchvision's code uses Tensor, Optional...).
PRELUDE: dict[str, Any] = {
    "torch": torch, "nn": nn, "F": F, "Tensor": torch.Tensor, "math": math,
    **{name: getattr(typing, name) for name in
       ("Any", "Callable", "List", "Optional", "Tuple", "Type", "Union", "Dict")},
}
MAX_TRACEBACK_CHARS = 2000


class SubmissionError(Exception):
    """The submission failed at some check; carries what the checker needs to say why."""

    def __init__(self, check: str, message: str, line: int | None = None,
                 trace: str = "", layer: dict | None = None):
        super().__init__(message)
        self.info = {"check": check, "message": message, "line": line,
                     "traceback": trace[-MAX_TRACEBACK_CHARS:], "layer": layer}


class ForbiddenCall(Exception):
    """Raised by the stand-in for a function the card forbids."""


def run_in_child(request: bytes) -> bytes:
    """Entry point for the sandbox (and the in-process runner): request frame -> result frame."""
    header, tensors = wire.decode(request)
    out: dict[str, torch.Tensor] = {}
    result: dict[str, Any] = {"v": wire.FORMAT_VERSION, "fatal": None, "cases": [],
                              "forbidden_called": []}
    called: list[str] = result["forbidden_called"]
    with forbidden_calls(header.get("forbid", []), called):
        try:
            namespace = exec_submission(header["source"])
            entry = namespace.get(header["entry"])
            if entry is None:
                raise SubmissionError("entry", f"`{header['entry']}` is not defined")
            if header["type"] == "module":
                run_module_card(header, tensors, entry, result, out)
            else:
                run_function_card(header, tensors, entry, result, out)
        except SubmissionError as exc:
            result["fatal"] = exc.info
    return wire.encode(result, out)


def exec_submission(source: str) -> dict:
    """Compile and run the user's file as module `submission`."""
    try:
        code = compile(source, FILENAME, "exec", dont_inherit=True)
    except SyntaxError as exc:
        raise SubmissionError("syntax", f"{type(exc).__name__}: {exc.msg}", exc.lineno) from None
    except (ValueError, RecursionError, MemoryError) as exc:
        raise SubmissionError("syntax", f"cannot compile: {exc}") from None
    # Lets tracebacks quote the submitted lines without reading any file.
    linecache.cache[FILENAME] = (len(source), None, source.splitlines(True), FILENAME)
    namespace: dict[str, Any] = {"__name__": "submission", "__builtins__": builtins, **PRELUDE}
    with user_code("import"):
        exec(code, namespace)
    return namespace


@contextlib.contextmanager
def user_code(stage: str, tracer: dataflow.Tracer | None = None):
    """Turn anything the user's code raises (even SystemExit) into a SubmissionError."""
    try:
        yield
    except SubmissionError:
        raise
    except ForbiddenCall as exc:
        raise SubmissionError("forbidden", str(exc), *_user_frame(exc)) from None
    except BaseException as exc:  # noqa: BLE001  (sys.exit, KeyboardInterrupt-like tricks too)
        if isinstance(exc, SystemExit):
            message = f"your code called sys.exit({exc.code!r}) while {stage}"
        else:
            message = f"{type(exc).__name__}: {_first_line(exc)}"
        layer = None
        if tracer is not None:
            open_call = tracer._last_open()
            if open_call is not None:
                call = tracer.calls[open_call]
                same_kind = sum(1 for c in tracer.calls[:open_call] if c.kind == call.kind)
                layer = {**call.record(), "nth": same_kind}
        line, trace = _user_frame(exc)
        check = "memory" if _out_of_memory(exc) else "exception"
        raise SubmissionError(check, message, line, trace, layer) from None


def _out_of_memory(exc: BaseException) -> bool:
    """RLIMIT_DATA makes torch raise instead of dying: still a memory verdict, not a bug."""
    text = str(exc)
    return isinstance(exc, MemoryError) or any(
        marker in text for marker in ("can't allocate memory", "Cannot allocate memory",
                                      "std::bad_alloc"))


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:500] if text else ""


def _user_frame(exc: BaseException) -> tuple[int | None, str]:
    """The last line of the submission in the traceback, and the traceback cut to its frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == FILENAME]
    line = frames[-1].lineno if frames else None
    lines = [f'  line {f.lineno}, in {f.name}\n    {(f.line or "").strip()}' for f in frames]
    lines.append(f"{type(exc).__name__}: {_first_line(exc)}")
    return line, "\n".join(lines)


@contextlib.contextmanager
def forbidden_calls(names: list[str], called: list[str]):
    """Replace each forbidden function by one that raises; restored after (in-process runs)."""
    saved = []
    for qualname in names:
        owner_name, _, attr = qualname.rpartition(".")
        owner = sys.modules.get(owner_name)
        if owner is None or not hasattr(owner, attr):
            continue
        saved.append((owner, attr, getattr(owner, attr)))
        setattr(owner, attr, _stand_in(qualname, called))
    try:
        yield
    finally:
        for owner, attr, original in reversed(saved):
            setattr(owner, attr, original)


def _stand_in(qualname: str, called: list[str]):
    def forbidden(*_args, **_kwargs):
        called.append(qualname)
        raise ForbiddenCall(f"{qualname} is not allowed in this question")
    return forbidden


def plain(value: Any, what: str) -> torch.Tensor:
    """A detached, contiguous plain torch.Tensor copy, or a SubmissionError naming what came."""
    if not isinstance(value, torch.Tensor):
        raise SubmissionError("shape", f"{what} is a {type(value).__name__}, expected a Tensor")
    return torch.Tensor.as_subclass(value, torch.Tensor).detach().contiguous().clone()


# ---- module cards -----------------------------------------------------------------------------

def run_module_card(req: dict, tensors: dict, cls: Any, result: dict, out: dict) -> None:
    if not isinstance(cls, type) or not issubclass(cls, nn.Module):
        raise SubmissionError("entry", f"`{req['entry']}` must be a class deriving nn.Module")
    result["class_attrs"] = {name: _json_safe(getattr(cls, name, None))
                             for name in req.get("class_attrs", [])}
    for index, case in enumerate(req["cases"]):
        record: dict[str, Any] = {"name": case["name"], "error": None}
        result["cases"].append(record)
        try:
            run_module_case(req, tensors, cls, index, case, record, out)
        except SubmissionError as exc:
            record["error"] = exc.info


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)[:100]


def accepts(cls: type, name: str) -> bool:
    try:
        return name in inspect.signature(cls).parameters
    except (TypeError, ValueError):
        return False


def torchvision_downsample(inplanes: int, outplanes: int, stride: int) -> nn.Module:
    """torchvision's projection shortcut: conv1x1(inplanes, outplanes, stride) + BatchNorm2d."""
    return nn.Sequential(nn.Conv2d(inplanes, outplanes, 1, stride=stride, bias=False),
                         nn.BatchNorm2d(outplanes))


def run_module_case(req: dict, tensors: dict, cls: type, index: int, case: dict,
                    record: dict, out: dict) -> None:
    name = case["name"]
    kwargs = dict(case["init"])
    if case.get("downsample") and accepts(cls, "downsample"):
        kwargs["downsample"] = torchvision_downsample(*case["downsample"])
    torch.manual_seed(0)  # the user's own init is irrelevant (weights are overwritten) but stable
    with user_code(f"constructing {req['entry']}"):
        model = cls(**kwargs)
    if not isinstance(model, nn.Module):
        raise SubmissionError("entry", f"{req['entry']}(...) did not return an nn.Module")
    record["inventory"] = dataflow.inventory(model)
    record["param_count"] = sum(p.numel() for p in model.parameters())
    source = tensors[f"{name}.x"]

    # 1. Trace: which layer feeds which (eval mode, so running stats are untouched).
    x = source.clone().requires_grad_(True).clone()
    model.eval()
    tracer = dataflow.Tracer(model, x)
    with tracer, user_code("running forward", tracer):
        y = model(x)
    record["calls"] = [call.record() for call in tracer.calls]
    if isinstance(y, torch.Tensor):
        record["output_expr"] = tracer.describe(y.grad_fn)[1]

    # 2. Align the reference's layers to the user's calls and load the reference weights.
    ref_layers = record["calls"] if req["mode"] == "build" else req["layers"][index]
    method, alignment = dataflow.align(ref_layers, tracer.calls)
    record["method"], record["alignment"] = method, alignment
    if method == "none":
        return  # structure: the checker names what is missing
    modules: list[nn.Module] = [tracer.calls[i].module for i in alignment]  # type: ignore[index,misc]
    if len({id(m) for m in modules}) != len(modules):
        raise SubmissionError("structure", "one layer module is used in two places; "
                              "each conv/BatchNorm needs its own weights")
    for layer_index, (module, ref) in enumerate(zip(modules, ref_layers, strict=True)):
        seed = dataflow.layer_seed(req["seed"], index, layer_index)
        dataflow.fill_layer(module, ref["kind"], seed)

    # 3. Eval mode: output and every layer's input/output, for localising a mismatch.
    capture = dataflow.Tracer(model, x)
    capture.capture = bool(req.get("capture", True))
    with torch.no_grad(), capture, user_code("running forward in eval mode", capture):
        y = model(source.clone())
    out[f"{name}.eval.out"] = plain(y, "forward's return value")
    first_call = {id(c.module): i for i, c in reversed(list(enumerate(capture.calls)))}
    for layer_index, module in enumerate(modules):
        call = first_call.get(id(module))
        if call in capture.capture_inputs:
            out[f"{name}.eval.in.{layer_index}"] = plain(capture.capture_inputs[call], "input")
        if call in capture.capture_outputs:
            out[f"{name}.eval.out.{layer_index}"] = plain(capture.capture_outputs[call], "output")

    # 4. Train mode: batch statistics, updated running stats, gradients.
    if not req.get("train", True):
        return
    model.train()
    leaf = source.clone().requires_grad_(True)
    with user_code("running forward in train mode"):
        y = model(leaf)
    out[f"{name}.train.out"] = plain(y, "forward's return value")
    for layer_index, module in enumerate(modules):
        for buffer_name, buffer in module.named_buffers(recurse=False):
            if buffer.is_floating_point():
                out[f"{name}.train.{layer_index}.{buffer_name}"] = plain(buffer, buffer_name)
    if not req.get("grad", True):
        return
    if not y.requires_grad:
        return  # the grad check reports the missing gradients
    # A fixed random upstream gradient: every output element matters, unlike out.sum().
    dout = torch.randn(y.shape, generator=torch.Generator().manual_seed(req["seed"] + 7 + index))
    with user_code("running backward"):
        # (y * dout).sum(): same gradients as y.backward(dout), without the lazy sympy import
        # an explicit grad tensor triggers (nothing new can be imported after isolation).
        (y * dout).sum().backward()
    if leaf.grad is not None:
        out[f"{name}.grad.x"] = plain(leaf.grad, "input grad")
    for layer_index, module in enumerate(modules):
        for param_name, param in module.named_parameters(recurse=False):
            if param.grad is not None:
                out[f"{name}.grad.{layer_index}.{param_name}"] = plain(param.grad, param_name)


# ---- function cards ---------------------------------------------------------------------------

def run_function_card(req: dict, tensors: dict, fn: Any, result: dict, out: dict) -> None:
    if not callable(fn):
        raise SubmissionError("entry", f"`{req['entry']}` must be a function")
    for case in req["cases"]:
        record: dict[str, Any] = {"name": case["name"], "error": None}
        result["cases"].append(record)
        try:
            run_function_case(req, tensors, fn, case, out)
        except SubmissionError as exc:
            record["error"] = exc.info


def run_function_case(req: dict, tensors: dict, fn: Any, case: dict, out: dict) -> None:
    name = case["name"]
    want_grad = req.get("grad", False)
    args: dict[str, Any] = {}
    leaves: dict[str, torch.Tensor] = {}
    for arg, spec in case["args"].items():
        if "tensor" in spec:
            value = tensors[spec["tensor"]].clone()
            if want_grad and value.is_floating_point():
                value.requires_grad_(True)
                leaves[arg] = value
            args[arg] = value
        else:
            args[arg] = spec["value"]
    with user_code(f"calling {req['entry']}"):
        returned = fn(**args)
    outputs = returned if isinstance(returned, tuple | list) else (returned,)
    for k, value in enumerate(outputs):
        out[f"{name}.out.{k}"] = plain(value, f"return value {k}")
    if not want_grad:
        return
    floats = [o for o in outputs if isinstance(o, torch.Tensor) and o.requires_grad]
    if not floats:
        return
    with user_code("running backward"):
        torch.stack([o.sum() for o in floats]).sum().backward()
    for arg, leaf in leaves.items():
        if leaf.grad is not None:
            out[f"{name}.grad.{arg}"] = plain(leaf.grad, f"grad of {arg}")


def _warm_up() -> None:
    """Run conv/BN forward+backward once so forked children skip torch's first-call set-up."""
    block = nn.Sequential(nn.Conv2d(2, 2, 3, padding=1, bias=False), nn.BatchNorm2d(2), nn.ReLU())
    x = torch.randn(1, 2, 5, 5, requires_grad=True)
    block(x).sum().backward()
    with torch.no_grad():
        block.eval()(x)
    F.linear(torch.randn(1, 2), torch.randn(2, 2))
    wire.decode(wire.encode({}, {"t": torch.zeros(1)}))


# Only in a single-threaded process (the zygote sets this first): running ops in a process with
# an OpenMP pool would make its forked children hang.
if torch.get_num_threads() == 1:
    _warm_up()
