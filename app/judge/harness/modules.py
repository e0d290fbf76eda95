"""Module cards inside the sandbox: build the user's nn.Module, trace it, load seeded weights by
dataflow, and send back eval / train outputs and gradients (never a verdict).

The constructor is called the way a person reads the prompt: by position in the card's
signature (kuangliu's `BasicBlock(in_planes, planes, stride)` works), with torchvision's
projection shortcut passed only to a constructor that has a place for it.
"""

from __future__ import annotations

import contextlib
import inspect
from collections.abc import Iterator
from typing import Any

import numpy as np
import torch
from torch import nn

from app.judge.harness import dataflow
from app.judge.harness.submission import (
    SubmissionError,
    find_entry,
    positional_params,
    user_code,
)
from app.judge.harness.values import as_numpy

DOWNSAMPLE_WORDS = ("down", "short", "proj", "skip", "identity")


def _is_module_maker(name: str, value: Any) -> bool:
    """An nn.Module class, or a factory function (not a method written at the top level)."""
    if isinstance(value, type):
        return issubclass(value, nn.Module)
    params = positional_params(value) if inspect.isfunction(value) else None
    return params is not None and name != "forward" and not (params and params[0].name == "self")


def run_module_card(req: dict, arrays: dict[str, np.ndarray], namespace: dict[str, Any],
                    result: dict, out: dict) -> None:
    maker, used = find_entry(namespace, req["entry"], _module_candidate(namespace))
    result["entry_used"] = used
    if not (isinstance(maker, type) and issubclass(maker, nn.Module)) and not inspect.isfunction(maker):
        raise SubmissionError("entry", "not_a_module", f"`{used}` must be an nn.Module class",
                              name=used)
    result["class_attrs"] = {name: _json_safe(getattr(maker, name, None))
                             for name in req.get("class_attrs", [])}
    for index, case in enumerate(req["cases"]):
        record: dict[str, Any] = {"name": case["name"], "error": None}
        result["cases"].append(record)
        try:
            run_module_case(req, arrays, maker, used, index, case, record, out)
        except SubmissionError as exc:
            record["error"] = exc.info


def _module_candidate(namespace: dict[str, Any]):
    """Prefer nn.Module classes; a function counts only when no class is defined."""
    classes = [v for v in namespace.values()
               if isinstance(v, type) and issubclass(v, nn.Module) and v.__module__ == "submission"]

    def check(name: str, value: Any) -> bool:
        if classes:
            return isinstance(value, type) and issubclass(value, nn.Module)
        return _is_module_maker(name, value)
    return check


def _json_safe(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return repr(value)[:100]


def constructor_args(maker: Any, case: dict) -> tuple[list[Any], dict[str, Any]]:
    """Positional args in the card's order, plus the projection shortcut where it fits."""
    positional = list(case["init"])
    keywords: dict[str, Any] = {}
    if not case.get("downsample"):
        return positional, keywords
    params = positional_params(maker) or []
    if isinstance(maker, type) and params and params[0].name == "self":
        params = params[1:]
    slot = params[len(positional)] if len(params) > len(positional) else None
    shortcut = torchvision_downsample(*case["downsample"])
    if slot is not None and (slot.default is None or any(w in slot.name.lower()
                                                         for w in DOWNSAMPLE_WORDS)):
        positional.append(shortcut)
    elif _accepts_keyword(maker, "downsample"):
        keywords["downsample"] = shortcut
    return positional, keywords  # no place for it: the user's block builds its own shortcut


def _accepts_keyword(maker: Any, name: str) -> bool:
    try:
        return name in inspect.signature(maker).parameters
    except (TypeError, ValueError):
        return False


def torchvision_downsample(inplanes: int, outplanes: int, stride: int) -> nn.Module:
    """torchvision's projection shortcut: conv1x1(inplanes, outplanes, stride) + BatchNorm2d."""
    return nn.Sequential(nn.Conv2d(inplanes, outplanes, 1, stride=stride, bias=False),
                         nn.BatchNorm2d(outplanes))


# The layers' own random init is wasted work here (ResNet-50: ~130 ms): every parameter of every
# layer the forward pass uses is overwritten with seeded values after tracing.
SKIPPED_INITS = ("uniform_", "normal_", "kaiming_uniform_", "kaiming_normal_", "xavier_uniform_",
                 "xavier_normal_", "trunc_normal_", "orthogonal_")


@contextlib.contextmanager
def _no_random_init() -> Iterator[None]:
    saved = {name: getattr(nn.init, name) for name in SKIPPED_INITS}
    for name in SKIPPED_INITS:
        setattr(nn.init, name, _keep)
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(nn.init, name, function)


def _keep(tensor: torch.Tensor, *_args: Any, **_kwargs: Any) -> torch.Tensor:
    return tensor


def _has_lazy(model: nn.Module) -> bool:
    return any(isinstance(m, nn.modules.lazy.LazyModuleMixin) and m.has_uninitialized_params()
               for m in model.modules())


def run_module_case(req: dict, arrays: dict[str, np.ndarray], maker: Any, used: str, index: int,
                    case: dict, record: dict, out: dict) -> None:
    name = case["name"]
    source = torch.from_numpy(np.array(arrays[f"{name}.x"]))
    positional, keywords = constructor_args(maker, case)
    # the user's own init is irrelevant (weights are overwritten) but stable; the CPU generator
    # only: torch.manual_seed also queues CUDA/XPU seeding with a formatted stack (~1 ms a call)
    torch.random.default_generator.manual_seed(0)
    with user_code(f"constructing {used}"), _no_random_init():
        model = maker(*positional, **keywords)
    if not isinstance(model, nn.Module):
        raise SubmissionError("entry", "not_a_module_instance",
                              f"{used}(...) did not return an nn.Module", name=used)
    if _has_lazy(model):  # LazyConv2d and friends get their shapes from a first forward
        model.eval()
        with torch.no_grad(), user_code("running a first forward to set up lazy layers"):
            model(source.clone())
    record["inventory"] = dataflow.inventory(model)
    record["param_count"] = sum(p.numel() for p in model.parameters())

    # 1. Trace: which layer feeds which (eval mode, so running stats are untouched).
    x = source.clone().requires_grad_(True).clone()
    model.eval()
    tracer = dataflow.Tracer(model, x)
    with tracer, user_code("running forward", tracer.open_layer):
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
        raise SubmissionError("structure", "shared_layer", "one layer module is used in two "
                              "places; each conv/BatchNorm needs its own weights")
    for layer_index, (module, ref) in enumerate(zip(modules, ref_layers, strict=True)):
        seed = dataflow.layer_seed(req["seed"], index, layer_index)
        dataflow.fill_layer(module, ref["kind"], seed)

    # 3. Eval mode first: output and every layer's input/output, for localising a mismatch. It
    # runs before train mode and backward, so their errors never hide this diagnosis.
    record["stage"] = "eval"
    capture = dataflow.Tracer(model, x)
    capture.capture = bool(req.get("capture", True))
    with torch.no_grad(), capture, user_code("running forward in eval mode", capture.open_layer):
        y = model(source.clone())
    out[f"{name}.eval.out"] = _plain(y, "forward's return value")
    first_call = {id(c.module): i for i, c in reversed(list(enumerate(capture.calls)))}
    for layer_index, module in enumerate(modules):
        call = first_call.get(id(module))
        if call in capture.capture_inputs:
            out[f"{name}.eval.in.{layer_index}"] = as_numpy(capture.capture_inputs[call])
        if call in capture.capture_outputs:
            out[f"{name}.eval.out.{layer_index}"] = as_numpy(capture.capture_outputs[call])

    # 4. Train mode: batch statistics, updated running stats, gradients.
    if not req.get("train", True):
        return
    record["stage"] = "train"
    model.train()
    leaf = source.clone().requires_grad_(True)
    with user_code("running forward in train mode"):
        y = model(leaf)
    out[f"{name}.train.out"] = _plain(y, "forward's return value")
    for layer_index, module in enumerate(modules):
        for buffer_name, buffer in module.named_buffers(recurse=False):
            if buffer.is_floating_point():
                out[f"{name}.train.{layer_index}.{buffer_name}"] = as_numpy(buffer)
    if not req.get("grad", True) or not y.requires_grad:
        return  # no gradient path at all: the grad check reports the missing gradients
    record["stage"] = "grad"
    # A fixed random upstream gradient: every output element matters, unlike out.sum().
    dout = torch.randn(y.shape, generator=torch.Generator().manual_seed(req["seed"] + 7 + index))
    with user_code("running backward"):
        # (y * dout).sum(): same gradients as y.backward(dout), without the lazy sympy import
        # an explicit grad tensor triggers.
        (y * dout).sum().backward()
    if leaf.grad is not None:
        out[f"{name}.grad.x"] = as_numpy(leaf.grad)
    for layer_index, module in enumerate(modules):
        for param_name, param in module.named_parameters(recurse=False):
            if param.grad is not None:
                out[f"{name}.grad.{layer_index}.{param_name}"] = as_numpy(param.grad)
    record["stage"] = "done"


def _plain(value: Any, what: str) -> np.ndarray:
    if not isinstance(value, torch.Tensor):
        raise SubmissionError("shape", "not_a_tensor", f"{what} is a {type(value).__name__}, "
                              "expected a Tensor", got=type(value).__name__[:100])
    return as_numpy(value)
